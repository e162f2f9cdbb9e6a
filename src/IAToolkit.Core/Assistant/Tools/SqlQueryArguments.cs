using System.ComponentModel;

namespace IAToolkit.Assistant.Tools;

/// <summary>The arguments of <c>iat_sql_query</c>.</summary>
/// <param name="Database">One of the company's databases (the schema lists them).</param>
/// <param name="Query">The statement to run.</param>
internal sealed record SqlQueryArguments(
    [property: Description("The database to query.")] string Database,
    [property: Description("One read-only PostgreSQL query (SELECT or WITH).")] string Query);
