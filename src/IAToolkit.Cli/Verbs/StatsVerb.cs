using System.CommandLine;
using System.Globalization;
using IAToolkit.Assistant;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.Cli.Verbs;

/// <summary><c>stats [--company c] [--days 7] [--json]</c>: the query log's totals per company and day.</summary>
internal sealed class StatsVerb : Verb
{
    private readonly IServiceProvider _services;
    private readonly Option<string?> _company = new("--company") { Description = "Only this company (default: all)." };
    private readonly Option<int> _days = new("--days") { Description = "How many days back, today included (default 7).", DefaultValueFactory = _ => 7 };
    private readonly Option<bool> _json = new("--json") { Description = "Print the result as JSON." };

    public StatsVerb(IServiceProvider services) => _services = services;

    public override string Name => "stats";

    public override Command Build()
    {
        var command = new Command(Name, "Print the assistant's usage per company and day: questions, failures, tokens and response times.") { _company, _days, _json };
        command.SetAction(RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var days = parse.GetValue(_days);
        if (days is < 1 or > 3660)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync("error: --days must be between 1 and 3660.");
            return ExitCodes.Usage;
        }

        var rows = await _services.GetRequiredService<QueryStatistics>().DailyAsync(parse.GetValue(_company), days, cancellationToken);
        var output = parse.InvocationConfiguration.Output;
        if (parse.GetValue(_json))
        {
            await VerbJson.WriteAsync(parse, rows.Select(row => new
            {
                company = row.Company,
                day = row.Day,
                queries = row.Queries,
                failed = row.Failed,
                prompt_tokens = row.PromptTokens,
                completion_tokens = row.CompletionTokens,
                average_ms = row.AverageMs,
                p95_ms = row.P95Ms,
                with_tools = row.WithTools,
            }));
            return ExitCodes.Success;
        }

        if (rows.Count == 0)
        {
            await output.WriteLineAsync($"No questions in the last {days} day(s).");
            return ExitCodes.Success;
        }

        await output.WriteLineAsync($"{"company",-20} {"day",-10} {"queries",8} {"failed",7} {"prompt tok",11} {"output tok",11} {"avg ms",8} {"p95 ms",8} {"tools",6}");
        foreach (var row in rows)
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{row.Company,-20} {row.Day:yyyy-MM-dd} {row.Queries,8} {row.Failed,7} {row.PromptTokens,11} {row.CompletionTokens,11} {row.AverageMs,8} {row.P95Ms,8} {row.WithTools,6}"));
        }

        return ExitCodes.Success;
    }
}
