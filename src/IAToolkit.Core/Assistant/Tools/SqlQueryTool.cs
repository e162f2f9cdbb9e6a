using System.Text.Json;
using System.Text.Json.Nodes;
using IAToolkit.Companies;
using IAToolkit.SqlSources;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.Assistant.Tools;

/// <summary>
/// <c>iat_sql_query</c>: one read-only query on one of the company's databases, with a time limit and a row cap.
/// A failed statement goes back to the model with PostgreSQL's error so it can fix the query, once; after a
/// second failure the model is told to stop and explain. Offered to companies with SQL data sources.
/// </summary>
internal sealed class SqlQueryTool : AssistantTool<SqlQueryArguments>
{
    public override string Name => "iat_sql_query";

    public override string Description => "Runs one read-only SQL query on a company database and returns the rows as JSON (capped).";

    public override async Task<object?> InvokeAsync(SqlQueryArguments arguments, AssistantToolContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var runner = run.Services.GetRequiredService<SqlQueryRunner>();
        var result = await runner.RunAsync(
            run.Company, ToolArguments.NotBlank(arguments.Database, "database"), ToolArguments.NotBlank(arguments.Query, "query"), cancellationToken);
        return result.ToToolJson();
    }

    internal override bool AppliesTo(Company company) => company.Configuration.SqlDataSources.Count > 0;

    // The model chooses among the company's databases: the schema lists them.
    internal override JsonElement SchemaFor(Company company)
    {
        var databases = company.Configuration.SqlDataSources.Select(s => (JsonNode?)JsonValue.Create(s.Database)).ToArray();
        return ToolArguments.Schema<SqlQueryArguments>(new AIJsonSchemaCreateOptions
        {
            TransformSchemaNode = (context, schema) =>
            {
                if (context.PropertyInfo?.Name == "database" && schema is JsonObject property)
                {
                    property["enum"] = new JsonArray(databases.Select(d => d?.DeepClone()).ToArray());
                }

                return schema;
            },
        });
    }

    internal override object ErrorResult(IAToolkitException exception, ToolRun run)
    {
        if (exception.Code == ErrorCodes.SqlSourcePrivileged)
        {
            // No query can fix this: the operator must change the database role.
            return new { error = exception.Message, code = exception.Code, next = "Do not retry; tell the user this database cannot be queried until an operator fixes its connection." };
        }

        run.SqlFailures++;
        var next = run.SqlFailures == 1
            ? "Fix the query and call iat_sql_query again."
            : "Do not retry; tell the user the data could not be read and why.";
        return new { error = exception.Message, next };
    }
}
