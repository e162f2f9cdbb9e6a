using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using IAToolkit.Database;
using Microsoft.Extensions.Logging;

namespace IAToolkit.Identity;

/// <summary>Records every sign-in attempt in <c>iat_login_audit</c>; a failure to record never blocks a sign-in.</summary>
internal sealed partial class LoginAudit
{
    private const string InsertSql = """
        INSERT INTO iat_login_audit (company_id, user_identifier, auth_type, outcome, reason, source_ip, user_agent_hash)
        VALUES (@CompanyId, @UserIdentifier, @AuthType, @Outcome, @Reason, @SourceIp, @UserAgentHash)
        """;

    private readonly CoreDatabase _database;
    private readonly ILogger<LoginAudit> _logger;

    public LoginAudit(CoreDatabase database, ILogger<LoginAudit> logger)
    {
        _database = database;
        _logger = logger;
    }

    public async Task RecordAsync(LoginAttempt attempt, CancellationToken cancellationToken)
    {
        var row = new
        {
            attempt.CompanyId,
            UserIdentifier = attempt.UserIdentifier.Length > 320 ? attempt.UserIdentifier[..320] : attempt.UserIdentifier,
            AuthType = attempt.External ? "external" : "local",
            Outcome = attempt.Succeeded ? "success" : "failure",
            attempt.Reason,
            attempt.SourceIp,
            UserAgentHash = attempt.UserAgent is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(attempt.UserAgent)))[..16],
        };
        try
        {
            await using var connection = await _database.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, row, cancellationToken: cancellationToken));
        }
        catch (Exception ex) when (ex is DbException or IAToolkitException)
        {
            AuditFailed(_logger, ex);
        }
    }

    [LoggerMessage(1251, LogLevel.Warning, "Could not record a sign-in attempt in the audit")]
    private static partial void AuditFailed(ILogger logger, Exception exception);
}
