using System.CommandLine;
using System.Text.Json;

namespace IAToolkit.Cli.Verbs;

/// <summary>
/// The <c>--json</c> output of every verb: one document on stdout, on one line. Each verb spells its keys out
/// (snake_case) rather than letting a naming policy derive them from .NET names, so renaming a property cannot change
/// what a script reads; the README lists the shapes.
/// </summary>
internal static class VerbJson
{
    public static Task WriteAsync(ParseResult parse, object document)
        => parse.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(document));
}
