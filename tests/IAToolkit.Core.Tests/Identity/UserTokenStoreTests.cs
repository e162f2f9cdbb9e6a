using Dapper;
using IAToolkit.Configuration;
using IAToolkit.Database;
using IAToolkit.Database.Migrations;
using IAToolkit.Identity;
using IAToolkit.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IAToolkit.Core.Tests.Identity;

public sealed class UserTokenStoreTests : DatabaseTest
{
    [Test]
    public async Task RedeemAsync_TwoClicksAtOnce_OnlyOneSucceeds()
    {
        await using var core = await MigratedAsync();
        var (token, companyId) = await CreateTokenAsync(core, TokenPurpose.VerifyEmail, TimeSpan.FromHours(1));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => RedeemAsync(core, token, companyId, TokenPurpose.VerifyEmail)));

        Assert.That(outcomes.Count(o => o == TokenStatus.Redeemed), Is.EqualTo(1));
        Assert.That(outcomes.Count(o => o == TokenStatus.AlreadyUsed), Is.EqualTo(7));
    }

    [Test]
    public async Task RedeemAsync_WrongPurposeOrCompany_IsInvalid()
    {
        await using var core = await MigratedAsync();
        var (token, companyId) = await CreateTokenAsync(core, TokenPurpose.VerifyEmail, TimeSpan.FromHours(1));

        Assert.That(await RedeemAsync(core, token, companyId, TokenPurpose.ResetPassword), Is.EqualTo(TokenStatus.Invalid));
        Assert.That(await RedeemAsync(core, token, companyId + 1, TokenPurpose.VerifyEmail), Is.EqualTo(TokenStatus.Invalid));
        Assert.That(await RedeemAsync(core, "garbage", companyId, TokenPurpose.VerifyEmail), Is.EqualTo(TokenStatus.Invalid));
    }

    [Test]
    public async Task CreateAsync_NewToken_SpendsTheEarlierOne()
    {
        await using var core = await MigratedAsync();
        var (first, companyId) = await CreateTokenAsync(core, TokenPurpose.ResetPassword, TimeSpan.FromHours(1));
        var (second, _) = await CreateTokenAsync(core, TokenPurpose.ResetPassword, TimeSpan.FromHours(1), reuseUser: true);

        Assert.That(await RedeemAsync(core, first, companyId, TokenPurpose.ResetPassword), Is.EqualTo(TokenStatus.AlreadyUsed));
        Assert.That(await RedeemAsync(core, second, companyId, TokenPurpose.ResetPassword), Is.EqualTo(TokenStatus.Redeemed));
    }

    [Test]
    public async Task CreateAsync_StoresOnlyTheHash()
    {
        await using var core = await MigratedAsync();
        var (token, _) = await CreateTokenAsync(core, TokenPurpose.VerifyEmail, TimeSpan.FromHours(1));

        await using var connection = await Database.OpenAsync();
        var stored = await connection.QuerySingleAsync<byte[]>("SELECT token_hash FROM iat_user_tokens");
        Assert.That(stored, Is.EqualTo(SecureTokens.Hash(token)));
        Assert.That(System.Text.Encoding.UTF8.GetString(stored), Does.Not.Contain(token));
    }

    private async Task<CoreDatabase> MigratedAsync()
    {
        var core = new CoreDatabase(Options.Create(new DatabaseOptions { ConnectionString = Database.Uri }), NullLoggerFactory.Instance);
        await new MigrationRunner(core).MigrateAsync(CancellationToken.None);
        return core;
    }

    private static async Task<(string Token, long CompanyId)> CreateTokenAsync(CoreDatabase core, TokenPurpose purpose, TimeSpan lifetime, bool reuseUser = false)
    {
        await using var connection = await core.OpenConnectionAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        var companyId = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO iat_companies (short_name, name) VALUES ('acme', 'ACME') ON CONFLICT (short_name) DO UPDATE SET name = EXCLUDED.name RETURNING id", transaction: transaction);
        var userId = reuseUser
            ? await connection.ExecuteScalarAsync<long>("SELECT id FROM iat_users LIMIT 1", transaction: transaction)
            : await UserStore.InsertAsync(connection, transaction, new NewUser($"{Guid.NewGuid():N}@example.com", "A", "B", "hash", false, "en"), CancellationToken.None);
        var token = await UserTokenStore.CreateAsync(connection, transaction, userId, companyId, purpose, lifetime, CancellationToken.None);
        await transaction.CommitAsync();
        return (token, companyId);
    }

    private static async Task<TokenStatus> RedeemAsync(CoreDatabase core, string token, long companyId, TokenPurpose purpose)
    {
        await using var connection = await core.OpenConnectionAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        var result = await UserTokenStore.RedeemAsync(connection, transaction, token, companyId, purpose, CancellationToken.None);
        await transaction.CommitAsync();
        return result.Status;
    }
}
