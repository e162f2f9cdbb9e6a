using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;
using YamlDotNet.RepresentationModel;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>Reads a YAML file to its root node; an unreadable or unparseable file is one error with its line and column.</summary>
internal static class YamlFileReader
{
    /// <summary>The root node, or <see langword="null"/> when the file cannot be used (the reason is reported).</summary>
    public static YamlNode? ReadRoot(string path, ProblemCollector problems)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Error(string.Empty, $"cannot be read: {ex.Message}", null);
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            Invalid(problems, ex.Start, ex.Message);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18 fails this way (without a position) on a '[' or '{' that is never closed: find it.
            var (start, opener) = UnclosedFlowCollection(text);
            Invalid(problems, start, $"the '{opener}' opened here is never closed.");
            return null;
        }

        switch (stream.Documents.Count)
        {
            case 0:
                problems.Error(string.Empty, "is empty", null);
                return null;
            case > 1:
                problems.Error(string.Empty, $"holds {stream.Documents.Count} YAML documents (separated by ---); a file holds one", ProblemCollector.LineOf(stream.Documents[1].RootNode));
                return null;
            default:
                return stream.Documents[0].RootNode;
        }
    }

    private static void Invalid(ProblemCollector problems, Mark start, string reason)
    {
        var line = (int)Math.Clamp(start.Line, 1, int.MaxValue);
        problems.Error(string.Empty, $"is not valid YAML at column {Math.Max(start.Column, 1)}: {reason}", line);
    }

    private static (Mark Start, char Opener) UnclosedFlowCollection(string text)
    {
        var open = new Stack<(Mark, char)>();
        var scanner = new Scanner(new StringReader(text));
        try
        {
            while (scanner.MoveNext())
            {
                switch (scanner.Current)
                {
                    case FlowSequenceStart token:
                        open.Push((token.Start, '['));
                        break;
                    case FlowMappingStart token:
                        open.Push((token.Start, '{'));
                        break;
                    case FlowSequenceEnd or FlowMappingEnd when open.Count > 0:
                        open.Pop();
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or YamlException)
        {
            // Scanning stops where the loader stopped; the innermost collection still open is the culprit.
        }

        return open.Count > 0 ? open.Peek() : (scanner.CurrentPosition, '[');
    }
}
