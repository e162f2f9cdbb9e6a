using System.Data.Common;
using Dapper;
using IAToolkit.Database;

namespace IAToolkit.Identity;

/// <summary>Reads and writes <c>iat_users</c> and <c>iat_user_companies</c>.</summary>
internal sealed class UserStore
{
    private const string Columns = "id, email, first_name, last_name, password_hash, verified, preferred_language, security_stamp";

    private const string FindByEmailSql = $"SELECT {Columns} FROM iat_users WHERE lower(email) = lower(@Email)";

    private const string FindByIdSql = $"SELECT {Columns} FROM iat_users WHERE id = @Id";

    private const string InsertSql = """
        INSERT INTO iat_users (email, first_name, last_name, password_hash, verified, preferred_language)
        VALUES (lower(@Email), @FirstName, @LastName, @PasswordHash, @Verified, @PreferredLanguage)
        RETURNING id
        """;

    private const string AddMembershipSql = """
        INSERT INTO iat_user_companies (user_id, company_id) VALUES (@UserId, @CompanyId)
        ON CONFLICT (user_id, company_id) DO NOTHING
        """;

    private const string IsMemberSql = "SELECT EXISTS (SELECT 1 FROM iat_user_companies WHERE user_id = @UserId AND company_id = @CompanyId)";

    private const string SetVerifiedSql = "UPDATE iat_users SET verified = true, updated_at = now() WHERE id = @Id";

    // A new password comes with a new stamp: every session of the user ends.
    private const string SetPasswordSql = "UPDATE iat_users SET password_hash = @PasswordHash, security_stamp = @Stamp, updated_at = now() WHERE id = @Id";

    private const string SetStampSql = "UPDATE iat_users SET security_stamp = @Stamp WHERE id = @Id";

    private const string GetStampSql = "SELECT security_stamp FROM iat_users WHERE id = @Id";

    private const string SetLanguageSql = "UPDATE iat_users SET preferred_language = @Language, updated_at = now() WHERE id = @Id";

    private readonly CoreDatabase _database;

    public UserStore(CoreDatabase database) => _database = database;

    public async Task<UserAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserAccount>(new CommandDefinition(FindByEmailSql, new { Email = email }, cancellationToken: cancellationToken));
    }

    public async Task<UserAccount?> FindByIdAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserAccount>(new CommandDefinition(FindByIdSql, new { Id = id }, cancellationToken: cancellationToken));
    }

    public static Task<long> InsertAsync(DbConnection connection, DbTransaction transaction, NewUser user, CancellationToken cancellationToken)
        => connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSql, user, transaction, cancellationToken: cancellationToken));

    public static Task AddMembershipAsync(DbConnection connection, DbTransaction? transaction, long userId, long companyId, CancellationToken cancellationToken)
        => connection.ExecuteAsync(new CommandDefinition(AddMembershipSql, new { UserId = userId, CompanyId = companyId }, transaction, cancellationToken: cancellationToken));

    public async Task<bool> IsMemberAsync(long userId, long companyId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(IsMemberSql, new { UserId = userId, CompanyId = companyId }, cancellationToken: cancellationToken));
    }

    public static Task SetVerifiedAsync(DbConnection connection, DbTransaction transaction, long userId, CancellationToken cancellationToken)
        => connection.ExecuteAsync(new CommandDefinition(SetVerifiedSql, new { Id = userId }, transaction, cancellationToken: cancellationToken));

    public static Task SetPasswordAsync(DbConnection connection, DbTransaction transaction, long userId, string passwordHash, string stamp, CancellationToken cancellationToken)
        => connection.ExecuteAsync(new CommandDefinition(SetPasswordSql, new { Id = userId, PasswordHash = passwordHash, Stamp = stamp }, transaction, cancellationToken: cancellationToken));

    /// <summary>Gives the user a new security stamp.</summary>
    public async Task SetStampAsync(long userId, string stamp, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SetStampSql, new { Id = userId, Stamp = stamp }, cancellationToken: cancellationToken));
    }

    /// <summary>The user's security stamp, or <see langword="null"/> when the user no longer exists.</summary>
    public async Task<string?> GetStampAsync(long userId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(GetStampSql, new { Id = userId }, cancellationToken: cancellationToken));
    }

    public async Task SetPreferredLanguageAsync(long userId, string language, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SetLanguageSql, new { Id = userId, Language = language }, cancellationToken: cancellationToken));
    }
}
