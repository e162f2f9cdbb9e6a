using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using IAToolkit;
using IAToolkit.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace SampleCompany.SampleData;

/// <summary>
/// <c>populate-sample-db</c> (alias <c>create-sample-db</c>, the Python name): drops, creates and fills the
/// company's <c>sample_database</c> with the generated sales data. Every run writes the same rows, so it is safe
/// to run on every start of the sample. It writes, so it connects with <see cref="AdminVariable"/> when that is set
/// (<c>./dev</c> sets it to the owner of the database); the assistant's own variable, <c>SAMPLE_DATABASE_URI</c>,
/// names a role that can only read, and is used here only when the writer's variable is not set.
/// </summary>
internal sealed class PopulateSampleDbVerb
{
    public const string Name = "populate-sample-db";
    public const string DataSourceName = "sample_database";

    /// <summary>The writer's connection, read only by this verb, so that the assistant never holds write credentials.</summary>
    public const string AdminVariable = "SAMPLE_DATABASE_ADMIN_URI";

    /// <summary>The reader's variable, as the sample's company.yaml names it for <see cref="DataSourceName"/>; only named in messages.</summary>
    public const string ReaderVariable = "SAMPLE_DATABASE_URI";

    private readonly CompanyRequestContext _context;
    private readonly Option<bool> _json = new("--json") { Description = "Print the result as JSON." };

    public PopulateSampleDbVerb(CompanyRequestContext context)
    {
        _context = context;
    }

    public Command Build()
    {
        var command = new Command(Name, $"Create the sales database of the sample company ({DataSourceName}) and fill it with the demo data; every run gives the same data.")
        {
            _json,
        };
        command.Aliases.Add("create-sample-db");
        command.SetAction(RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var admin = _context.Services.GetRequiredService<IConfiguration>()[AdminVariable];
        var connectionString = string.IsNullOrWhiteSpace(admin) ? _context.GetSqlConnectionString(DataSourceName) : AdminConnectionString(admin);
        // The operator's own tool on the operator's own database: PostgreSQL's details (which view blocks the
        // drop, say) help more than they reveal.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { IncludeErrorDetail = true };
        var endpoint = $"{builder.Host}:{builder.Port}/{builder.Database}";

        var watch = Stopwatch.StartNew();
        IReadOnlyList<(string Table, int Rows)> counts;
        try
        {
            counts = await SampleDatabaseLoader.LoadAsync(builder.ConnectionString, SampleDataGenerator.Generate(), cancellationToken);
        }
        catch (PostgresException ex)
        {
            // The server answered and refused (a view blocks a drop, say): the same run fails again, so this is a plain
            // failure (exit 1), not database_unavailable, whose exit code tells a script to retry later.
            await parse.InvocationConfiguration.Error.WriteLineAsync($"error: Could not populate {DataSourceName} at {endpoint} ({(string.IsNullOrWhiteSpace(admin) ? ReaderVariable : AdminVariable)}): {Describe(ex)}");
            return 1;
        }
        catch (NpgsqlException ex)
        {
            var variable = string.IsNullOrWhiteSpace(admin) ? ReaderVariable : AdminVariable;
            throw new IAToolkitException(ErrorCodes.DatabaseUnavailable, $"Could not populate {DataSourceName} at {endpoint} ({variable}): {Describe(ex)}", ex);
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var output = parse.InvocationConfiguration.Output;
        if (parse.GetValue(_json))
        {
            var body = new
            {
                database = DataSourceName,
                endpoint,
                seconds = Math.Round(seconds, 3),
                tables = counts.Select(c => new { name = c.Table, rows = c.Rows }),
            };
            await output.WriteLineAsync(JsonSerializer.Serialize(body));
            return 0;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Populated {DataSourceName} at {endpoint} in {seconds:0.00} s:"));
        foreach (var (table, rows) in counts)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {table,-22}{rows,6}"));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {counts.Count} tables, {counts.Sum(c => c.Rows)} rows"));
        return 0;
    }

    private static string Describe(NpgsqlException exception) => exception switch
    {
        PostgresException { Detail: { Length: > 0 } detail } postgres => $"{postgres.MessageText} ({detail})",
        PostgresException postgres => postgres.MessageText,
        { InnerException: { } inner } => $"{exception.Message} ({inner.Message})",
        _ => exception.Message,
    };

    private static string AdminConnectionString(string value)
    {
        try
        {
            return DatabaseUri.ToConnectionString(value);
        }
        catch (FormatException ex)
        {
            throw new IAToolkitException(ErrorCodes.InvalidSettings, $"{AdminVariable} {ex.Message} (the environment: the writer connection of {Name}).", ex);
        }
    }
}
