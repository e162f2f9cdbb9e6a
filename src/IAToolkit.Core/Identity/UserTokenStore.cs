using System.Data.Common;
using Dapper;

namespace IAToolkit.Identity;

/// <summary>
/// Single-use, expiring tokens for the links the framework e-mails. Only the SHA-256 of a token is stored; redeeming
/// is one conditional UPDATE, so two clicks racing each other cannot both succeed.
/// </summary>
internal static class UserTokenStore
{
    private const string InsertSql = """
        INSERT INTO iat_user_tokens (user_id, company_id, purpose, token_hash, expires_at)
        VALUES (@UserId, @CompanyId, @Purpose, @Hash, now() + @Lifetime)
        """;

    private const string InvalidatePreviousSql = """
        UPDATE iat_user_tokens SET used_at = now()
        WHERE user_id = @UserId AND company_id = @CompanyId AND purpose = @Purpose AND used_at IS NULL
        """;

    private const string RedeemSql = """
        UPDATE iat_user_tokens SET used_at = now()
        WHERE token_hash = @Hash AND company_id = @CompanyId AND purpose = @Purpose AND used_at IS NULL AND expires_at > now()
        RETURNING user_id
        """;

    private const string DiagnoseSql = """
        SELECT used_at IS NOT NULL AS used, expires_at <= now() AS expired
        FROM iat_user_tokens WHERE token_hash = @Hash AND company_id = @CompanyId AND purpose = @Purpose
        """;

    /// <summary>Creates a token, spending any earlier unused one for the same purpose; returns the token for the link.</summary>
    public static async Task<string> CreateAsync(DbConnection connection, DbTransaction transaction, long userId, long companyId, TokenPurpose purpose, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var token = SecureTokens.Create();
        var parameters = new { UserId = userId, CompanyId = companyId, Purpose = Name(purpose), Hash = SecureTokens.Hash(token), Lifetime = lifetime };
        await connection.ExecuteAsync(new CommandDefinition(InvalidatePreviousSql, parameters, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, parameters, transaction, cancellationToken: cancellationToken));
        return token;
    }

    /// <summary>Spends the token if it is valid; otherwise says why not. Nothing is written for a refused token.</summary>
    public static async Task<TokenRedemption> RedeemAsync(DbConnection connection, DbTransaction transaction, string token, long companyId, TokenPurpose purpose, CancellationToken cancellationToken)
    {
        if (!SecureTokens.IsWellFormed(token))
        {
            return new TokenRedemption(TokenStatus.Invalid);
        }

        var parameters = new { Hash = SecureTokens.Hash(token), CompanyId = companyId, Purpose = Name(purpose) };
        var userId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(RedeemSql, parameters, transaction, cancellationToken: cancellationToken));
        if (userId is not null)
        {
            return new TokenRedemption(TokenStatus.Redeemed, userId);
        }

        var state = await connection.QuerySingleOrDefaultAsync<(bool Used, bool Expired)?>(new CommandDefinition(DiagnoseSql, parameters, transaction, cancellationToken: cancellationToken));
        return new TokenRedemption(state switch
        {
            null => TokenStatus.Invalid,
            { Used: true } => TokenStatus.AlreadyUsed,
            _ => TokenStatus.Expired,
        });
    }

    private static string Name(TokenPurpose purpose) => purpose switch
    {
        TokenPurpose.VerifyEmail => "verify_email",
        TokenPurpose.ResetPassword => "reset_password",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose)),
    };
}
