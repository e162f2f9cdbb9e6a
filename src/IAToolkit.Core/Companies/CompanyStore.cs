using Dapper;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using Npgsql;

namespace IAToolkit.Companies;

/// <summary>Keeps <c>iat_companies</c> in step with the registered companies.</summary>
internal static class CompanyStore
{
    private const string UpsertSql = """
        INSERT INTO iat_companies (short_name, name, locale, parameters)
        VALUES (@ShortName, @Name, @Locale, CAST(@Parameters AS jsonb))
        ON CONFLICT (short_name) DO UPDATE
            SET name = EXCLUDED.name,
                locale = EXCLUDED.locale,
                parameters = EXCLUDED.parameters,
                updated_at = now()
            WHERE (iat_companies.name, iat_companies.locale, iat_companies.parameters)
                IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.locale, EXCLUDED.parameters)
        RETURNING id
        """;

    private const string SelectIdSql = "SELECT id FROM iat_companies WHERE short_name = @ShortName";

    /// <summary>Inserts or updates the company row and returns its id.</summary>
    public static async Task<long> UpsertAsync(NpgsqlConnection connection, string shortName, CompanyConfiguration configuration, CancellationToken cancellationToken)
    {
        var parameters = new { ShortName = shortName, configuration.Name, configuration.Locale, Parameters = configuration.ParametersJson };
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(UpsertSql, parameters, cancellationToken: cancellationToken));

        // An unchanged row is not updated (no write, no dead tuple), so RETURNING gives nothing: read the id.
        return id ?? await connection.ExecuteScalarAsync<long>(new CommandDefinition(SelectIdSql, parameters, cancellationToken: cancellationToken));
    }
}
