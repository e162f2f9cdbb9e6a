using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using IAToolkit;

namespace SampleCompany.SampleData.Documents;

/// <summary>
/// <c>generate-sample-documents</c>: writes the sample company's contracts and supplier manuals into its
/// <c>sample_data/</c> folder (or <c>--output</c>). The files are committed; run this after changing the generator
/// and commit the result. <c>--check</c> only compares, and exits with 1 when a file is missing or differs.
/// </summary>
internal sealed class GenerateSampleDocumentsVerb
{
    public const string Name = "generate-sample-documents";
    public const int Different = 1;

    private readonly CompanyRequestContext _context;
    private readonly Option<DirectoryInfo?> _output = new("--output") { Description = "The folder to write into (default: the company's sample_data folder)." };
    private readonly Option<bool> _check = new("--check") { Description = "Compare with the files on disk instead of writing; exit code 1 when any is missing or different." };
    private readonly Option<bool> _json = new("--json") { Description = "Print the result as JSON." };

    public GenerateSampleDocumentsVerb(CompanyRequestContext context)
    {
        _context = context;
    }

    public Command Build()
    {
        var command = new Command(Name, "Write the sample company's employee contracts and supplier manuals (PDF and DOCX) into sample_data/; every run gives the same bytes.")
        {
            _output,
            _check,
            _json,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var folder = parse.GetValue(_output)?.FullName
            ?? Path.Combine(_context.Folder, "sample_data");
        var check = parse.GetValue(_check);
        var results = new List<(string Path, int Bytes, string State)>();
        foreach (var document in SampleDocumentSet.Generate())
        {
            var target = Path.Combine(folder, document.RelativePath);
            var existing = File.Exists(target) ? await File.ReadAllBytesAsync(target, cancellationToken) : null;
            var state = existing is null ? "missing" : existing.AsSpan().SequenceEqual(document.Content) ? "unchanged" : "different";
            if (!check && state != "unchanged")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await File.WriteAllBytesAsync(target, document.Content, cancellationToken);
                state = existing is null ? "written" : "updated";
            }

            results.Add((document.RelativePath, document.Content.Length, state));
        }

        var stale = check && results.Any(r => r.State is "missing" or "different");
        await Report(parse, folder, results);
        return stale ? Different : 0;
    }

    private async Task Report(ParseResult parse, string folder, List<(string Path, int Bytes, string State)> results)
    {
        var output = parse.InvocationConfiguration.Output;
        if (parse.GetValue(_json))
        {
            var body = new { folder, files = results.Select(r => new { path = r.Path, bytes = r.Bytes, state = r.State }) };
            await output.WriteLineAsync(JsonSerializer.Serialize(body));
            return;
        }

        await output.WriteLineAsync($"Sample documents in {folder}:");
        foreach (var (path, bytes, state) in results)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {path,-62}{bytes,8:N0} bytes  {state}"));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {results.Count} files, {results.Sum(r => r.Bytes):N0} bytes"));
    }
}
