using System.Text.Json;
using IAToolkit.SqlSources;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.Assistant.Tools;

/// <summary>
/// <c>iat_sql_query</c>: one read-only query on one of the company's databases, with a time limit and a row cap.
/// A failed statement goes back to the model with PostgreSQL's error so it can fix the query, once; after a
/// second failure the model is told to stop and explain.
/// </summary>
internal sealed class SqlQueryTool : AssistantTool
{
    private readonly JsonElement _schema;

    public SqlQueryTool(ToolRun run)
        : base(run)
    {
        var databases = JsonSerializer.Serialize(run.Company.Configuration.SqlDataSources.Select(s => s.Database));
        _schema = Schema($$$"""
            {"type":"object","properties":{
              "database":{"type":"string","enum":{{{databases}}},"description":"The database to query."},
              "query":{"type":"string","description":"One read-only PostgreSQL query (SELECT or WITH)."}},
             "required":["database","query"]}
            """);
    }

    public override string Name => "iat_sql_query";

    public override string Description => "Runs one read-only SQL query on a company database and returns the rows as JSON (capped).";

    public override JsonElement JsonSchema => _schema;

    protected override async Task<object?> ExecuteAsync(JsonElement arguments, CancellationToken cancellationToken)
    {
        var runner = Run.Services.GetRequiredService<SqlQueryRunner>();
        var result = await runner.RunAsync(Run.Company, RequiredString(arguments, "database"), RequiredString(arguments, "query"), cancellationToken);
        return result.ToToolJson();
    }

    protected override object ErrorResult(IAToolkitException exception)
    {
        if (exception.Code == ErrorCodes.SqlSourcePrivileged)
        {
            // No query can fix this: the operator must change the database role.
            return new { error = exception.Message, code = exception.Code, next = "Do not retry; tell the user this database cannot be queried until an operator fixes its connection." };
        }

        Run.SqlFailures++;
        var next = Run.SqlFailures == 1
            ? "Fix the query and call iat_sql_query again."
            : "Do not retry; tell the user the data could not be read and why.";
        return new { error = exception.Message, next };
    }
}
