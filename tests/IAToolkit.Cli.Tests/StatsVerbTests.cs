using System.Text.Json;
using Dapper;
using IAToolkit.Testing;

namespace IAToolkit.Cli.Tests;

public sealed class StatsVerbTests : DatabaseTest
{
    private TempContentRoot _root = null!;

    [SetUp]
    public void CreateContentRoot()
    {
        _root = new TempContentRoot();
        _root.WriteCompany("acme", TempContentRoot.MinimalYaml("acme", "ACME"));
    }

    [TearDown]
    public void DeleteContentRoot() => _root?.Dispose();

    [Test]
    public async Task Stats_TotalsPerCompanyAndDay()
    {
        await Run("acme-report");
        await using (var connection = await Database.OpenAsync())
        {
            await connection.ExecuteAsync("""
                INSERT INTO iat_queries (company_id, user_identifier, model, question, outcome, prompt_tokens, completion_tokens, duration_ms, tool_calls)
                SELECT id, 'u', 'gpt-4o-mini', 'q', o.outcome, 1000, 100, o.ms, o.tools::jsonb
                FROM iat_companies, (VALUES ('ok', 200, '[{"name":"iat_sql_query"}]'), ('ok', 400, '[]'), ('llm_timeout', 900, '[]')) AS o(outcome, ms, tools)
                WHERE short_name = 'acme'
                """);
        }

        var json = await Run("stats", "--json");
        var text = await Run("stats");

        Assert.That(json.ExitCode, Is.Zero, json.Error);
        var day = JsonDocument.Parse(json.Output).RootElement[0];
        Assert.That(day.GetProperty("company").GetString(), Is.EqualTo("acme"));
        Assert.That(day.GetProperty("queries").GetInt32(), Is.EqualTo(3));
        Assert.That(day.GetProperty("failed").GetInt32(), Is.EqualTo(1));
        Assert.That(day.GetProperty("prompt_tokens").GetInt64(), Is.EqualTo(3000));
        Assert.That(day.GetProperty("completion_tokens").GetInt64(), Is.EqualTo(300));
        Assert.That(day.GetProperty("average_ms").GetInt32(), Is.EqualTo(500));
        Assert.That(day.GetProperty("with_tools").GetInt32(), Is.EqualTo(1));
        Assert.That(text.Output, Does.Contain("acme").And.Contain(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task Stats_NoQueries_SaysSo()
    {
        await Run("migrate");

        var run = await Run("stats", "--days", "3");

        Assert.That(run.Output.Trim(), Is.EqualTo("No questions in the last 3 day(s)."));
    }

    [Test]
    public async Task Stats_BadDays_IsAUsageError()
    {
        var run = await Run("stats", "--days", "0");

        Assert.That(run.ExitCode, Is.EqualTo(2));
    }

    private Task<CliRun> Run(params string[] args)
        => CliRun.RunAsync(_root.Path, Database.Uri, new Dictionary<string, string?> { ["IAToolkit:Database:MigrateOnStart"] = "true" }, args);
}
