using System.Collections.Concurrent;
using System.Diagnostics;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IAToolkit.SqlSources;

/// <summary>
/// Describes a company SQL source for the model: the tables company.yaml chooses, read live from the database, as
/// compact deterministic Markdown (see <see cref="SqlSchemaText"/>). The text is kept per company database for
/// <see cref="SqlToolOptions.SchemaCacheDuration"/>; it is derived data, so each host keeps its own.
/// </summary>
internal sealed class SqlSchemaDescriber
{
    private readonly ConcurrentDictionary<(string Company, string Database), (string Text, long ExpiresAt)> _cache = new();
    private readonly SqlSourceConnections _connections;
    private readonly SqlToolOptions _options;
    private readonly ILogger _logger;

    public SqlSchemaDescriber(SqlSourceConnections connections, IOptions<SqlToolOptions> options, ILogger<SqlSchemaDescriber> logger)
    {
        _connections = connections;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>The Markdown description of <paramref name="source"/>, one of <paramref name="company"/>'s <c>data_sources.sql</c>.</summary>
    /// <exception cref="IAToolkitException">
    /// Code <see cref="ErrorCodes.InvalidSettings"/> when the source's connection variable is missing or wrong, or
    /// <see cref="ErrorCodes.DatabaseUnavailable"/> when the database cannot be reached.
    /// </exception>
    public async Task<string> DescribeAsync(Company company, SqlDataSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(source);
        var key = (company.ShortName, source.Database);
        var cacheFor = (long)_options.SchemaCacheDuration.TotalMilliseconds;
        if (cacheFor > 0 && _cache.TryGetValue(key, out var cached) && cached.ExpiresAt > Environment.TickCount64)
        {
            return cached.Text;
        }

        var stopwatch = Stopwatch.StartNew();
        IReadOnlyList<CatalogTable> catalog;
        ILookup<(string, string, string), string> foreignKeys;
        await using (var connection = await _connections.OpenAsync(company, source, cancellationToken))
        {
            catalog = await PostgresCatalog.TablesAsync(connection, cancellationToken);
            foreignKeys = await PostgresCatalog.ForeignKeysAsync(connection, cancellationToken);
        }

        var sourcePath = SourcePath(source);
        var tables = SqlTableSelection.Select(source, catalog, table =>
            SqlSourceLog.ConfiguredTableMissing(_logger, source.ConnectionString.File, $"{sourcePath}.tables.{table}", table, company.ShortName, source.Database));
        var text = SqlSchemaText.Write(source, tables, foreignKeys, company.Configuration.SchemaFiles);
        if (cacheFor > 0)
        {
            _cache[key] = (text, Environment.TickCount64 + cacheFor);
        }

        SqlSourceLog.Described(_logger, company.ShortName, source.Database, tables.Count, stopwatch.ElapsedMilliseconds);
        return text;
    }

    /// <summary>The key path of the source, e.g. <c>data_sources.sql[0]</c>, taken from where its connection variable is named.</summary>
    private static string SourcePath(SqlDataSource source)
    {
        var path = source.ConnectionString.KeyPath;
        var dot = path.LastIndexOf('.');
        return dot > 0 ? path[..dot] : "data_sources.sql";
    }
}
