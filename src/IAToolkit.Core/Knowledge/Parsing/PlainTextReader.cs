using System.Text;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>
/// Reads a text or Markdown file as one page: UTF-8 (with or without a byte order mark), or Latin-1 when the bytes
/// are not valid UTF-8, as files saved by older Windows tools often are. Latin-1 is read as Windows-1252, its
/// superset, so the curly quotes and dashes those tools write in 0x80–0x9F come out as characters, not controls.
/// </summary>
internal static class PlainTextReader
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding s_latin1 = CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;

    public static ParsedPage Read(string fileName, Stream content, ParseBudget budget)
    {
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            content.CopyTo(buffer);
            bytes = buffer.ToArray();
        }

        if (bytes.Length == 0)
        {
            throw DocumentParser.Empty(fileName);
        }

        var text = Decode(bytes);
        budget.Characters(text.Length);
        return new ParsedPage(1, text.ReplaceLineEndings("\n"));
    }

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var preamble = Encoding.UTF8.Preamble;
        if (bytes.StartsWith(preamble))
        {
            bytes = bytes[preamble.Length..];
        }

        try
        {
            return s_strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return s_latin1.GetString(bytes);
        }
    }
}
