using Dapper;
using Npgsql;

namespace IAToolkit.Benchmarks.Overhead;

/// <summary>
/// Gives the users <c>bench-history-1..N</c> of the sample company a conversation of many turns each, written straight
/// into <c>iat_turns</c> in one statement, as if they had asked that many questions before (a root turn, then one
/// question and answer per turn, the newest last). Redis holds nothing of them: the first question of each reads its
/// window from PostgreSQL, as after a cache expiry.
/// </summary>
internal static class HistorySeeder
{
    // Response ids are resp_ + 32 alphanumerics: an md5 in hex is that. The foreign key to the parent is not checked
    // row by row (session_replication_role = replica, as a restore does; the local services' user is a superuser):
    // every parent is in the same statement.
    private const string SeedSql = """
        SET session_replication_role = replica;
        INSERT INTO iat_turns (response_id, company_id, user_identifier, parent_id, depth, question, answer, model, created_at)
        SELECT 'resp_' || md5('bench-history-' || u || ':' || d),
               @CompanyId,
               'bench-history-' || u,
               CASE WHEN d = 0 THEN NULL ELSE 'resp_' || md5('bench-history-' || u || ':' || (d - 1)) END,
               d,
               CASE WHEN d = 0 THEN NULL ELSE 'Question ' || d || ': how many orders did customer ' || (d % 90 + 1) || ' place last month?' END,
               CASE WHEN d = 0 THEN NULL ELSE 'Customer ' || (d % 90 + 1) || ' placed ' || (d % 17 + 1) || ' orders last month, worth about ' || (d * 37 % 5000) || ' euros in total.' END,
               'gpt-4o-mini',
               now() - make_interval(secs => @Turns - d + 60)
        FROM generate_series(1, @Users) AS u, generate_series(0, @Turns) AS d;
        SET session_replication_role = DEFAULT;
        ANALYZE iat_turns;
        """;

    private const string CompanySql = "SELECT id FROM iat_companies WHERE short_name = @ShortName";

    public static async Task SeedAsync(string connectionString, string company, int users, int turns)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var companyId = await connection.ExecuteScalarAsync<long?>(CompanySql, new { ShortName = company })
            ?? throw new InvalidOperationException($"The core database has no company '{company}': the host registers it when it starts.");
        await connection.ExecuteAsync(new CommandDefinition(SeedSql, new { CompanyId = companyId, Users = users, Turns = turns }, commandTimeout: 600));
    }

    /// <summary>The turns stored so far, for Redis bytes per stored turn.</summary>
    public static async Task<long> CountTurnsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM iat_turns");
    }
}
