using IAToolkit.Companies;
using IAToolkit.Data;
using Npgsql;

namespace IAToolkit.Identity;

/// <summary>
/// Sign-up, sign-in, e-mail verification and password reset for a company's local users. Every write that sends a
/// mail happens in one transaction that commits only after the mail went out, so a mail failure never leaves a
/// half-created account or a dangling token.
/// </summary>
internal sealed class AccountService
{
    /// <summary>How long a verification link works.</summary>
    public static readonly TimeSpan VerificationLifetime = TimeSpan.FromHours(24);

    /// <summary>How long a password reset link works.</summary>
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(1);

    private readonly CoreDatabase _database;
    private readonly UserStore _users;
    private readonly Passwords _passwords;
    private readonly AccountMails _mails;
    private readonly LoginAudit _audit;

    public AccountService(CoreDatabase database, UserStore users, Passwords passwords, AccountMails mails, LoginAudit audit)
    {
        _database = database;
        _users = users;
        _passwords = passwords;
        _mails = mails;
        _audit = audit;
    }

    /// <summary>Creates an account (or gives an existing one access), e-mailing a verification link when the company asks for one.</summary>
    /// <param name="company">The company signed up to.</param>
    /// <param name="input">The form.</param>
    /// <param name="verifyLink">Builds the verification URL from a token.</param>
    /// <param name="language"><c>en</c> or <c>es</c>, for the e-mail.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<SignUpResult> SignUpAsync(Company company, SignUpInput input, Func<string, Uri> verifyLink, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(input);
        var errors = ValidateSignUp(input, out var email);
        if (errors.Count > 0)
        {
            return SignUpResult.Rejected(errors);
        }

        var existing = await _users.FindByEmailAsync(email!, cancellationToken);
        if (existing is not null)
        {
            return await JoinExistingAsync(company, existing, input.Password!, cancellationToken);
        }

        var verify = company.Configuration.Parameters.VerifyAccount;
        var user = new NewUser(email!, input.FirstName!.Trim(), input.LastName!.Trim(), _passwords.Hash(input.Password!), !verify, language);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long userId;
        try
        {
            userId = await UserStore.InsertAsync(connection, transaction, user, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return SignUpResult.Rejected([new FieldError("email", AccountError.AccountExists)]);
        }

        await UserStore.AddMembershipAsync(connection, transaction, userId, company.Id, cancellationToken);
        if (verify)
        {
            var token = await UserTokenStore.CreateAsync(connection, transaction, userId, company.Id, TokenPurpose.VerifyEmail, VerificationLifetime, cancellationToken);
            if (!await _mails.TrySendVerificationAsync(company, user.Email, user.FirstName, verifyLink(token), language, cancellationToken))
            {
                return SignUpResult.Rejected([new FieldError(string.Empty, AccountError.MailFailed)]);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new SignUpResult(verify ? SignUpOutcome.VerificationSent : SignUpOutcome.Active, []);
    }

    /// <summary>Checks an e-mail and password for the company and records the attempt.</summary>
    public async Task<LoginResult> LoginAsync(Company company, string? email, string? password, ClientInfo client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(client);
        var normalised = AccountRules.NormaliseEmail(email);
        var user = normalised is null ? null : await _users.FindByEmailAsync(normalised, cancellationToken);
        AccountError? error = null;
        if (!_passwords.Verify(user?.PasswordHash, password ?? string.Empty) || user is null)
        {
            error = AccountError.InvalidCredentials;
        }
        else if (!await _users.IsMemberAsync(user.Id, company.Id, cancellationToken))
        {
            error = AccountError.NotMember;
        }
        else if (!user.Verified)
        {
            error = AccountError.NotVerified;
        }

        var reason = error switch
        {
            null => null,
            AccountError.InvalidCredentials => "invalid_credentials",
            AccountError.NotMember => "not_member",
            _ => "not_verified",
        };
        await _audit.RecordAsync(new LoginAttempt(company.Id, normalised ?? email ?? string.Empty, false, error is null, reason, client.IpAddress, client.UserAgent), cancellationToken);
        return error is null ? new LoginResult(user, null) : new LoginResult(null, error);
    }

    /// <summary>Spends a verification link and marks the account verified.</summary>
    public async Task<TokenStatus> VerifyEmailAsync(Company company, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var redemption = await UserTokenStore.RedeemAsync(connection, transaction, token, company.Id, TokenPurpose.VerifyEmail, cancellationToken);
        if (redemption.Status == TokenStatus.Redeemed)
        {
            await UserStore.SetVerifiedAsync(connection, transaction, redemption.UserId!.Value, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return redemption.Status;
    }

    /// <summary>
    /// E-mails a reset link when the address belongs to a member of the company; does nothing otherwise, so the page
    /// cannot be used to find out who has an account.
    /// </summary>
    /// <returns><see langword="false"/> when the mail could not be sent (and no link was stored).</returns>
    public async Task<bool> RequestPasswordResetAsync(Company company, string? email, Func<string, Uri> resetLink, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        var normalised = AccountRules.NormaliseEmail(email);
        var user = normalised is null ? null : await _users.FindByEmailAsync(normalised, cancellationToken);
        if (user is null || !await _users.IsMemberAsync(user.Id, company.Id, cancellationToken))
        {
            return true;
        }

        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var token = await UserTokenStore.CreateAsync(connection, transaction, user.Id, company.Id, TokenPurpose.ResetPassword, ResetLifetime, cancellationToken);
        if (!await _mails.TrySendPasswordResetAsync(company, user.Email, user.FirstName, resetLink(token), user.PreferredLanguage ?? language, cancellationToken))
        {
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Whether a reset link can still be used, without spending it (to decide which page to show).</summary>
    public async Task<TokenStatus> InspectResetLinkAsync(Company company, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var redemption = await UserTokenStore.RedeemAsync(connection, transaction, token, company.Id, TokenPurpose.ResetPassword, cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
        return redemption.Status;
    }

    /// <summary>Sets a new password with a reset link; the link is spent only when the password is accepted.</summary>
    public async Task<PasswordResetResult> ResetPasswordAsync(Company company, string token, string? password, string? confirmPassword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        var errors = ValidatePassword(password, confirmPassword);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var redemption = await UserTokenStore.RedeemAsync(connection, transaction, token, company.Id, TokenPurpose.ResetPassword, cancellationToken);
        if (redemption.Status != TokenStatus.Redeemed || errors.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new PasswordResetResult(redemption.Status, errors);
        }

        await UserStore.SetPasswordAsync(connection, transaction, redemption.UserId!.Value, _passwords.Hash(password!), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PasswordResetResult(TokenStatus.Redeemed, []);
    }

    private async Task<SignUpResult> JoinExistingAsync(Company company, UserAccount existing, string password, CancellationToken cancellationToken)
    {
        if (!_passwords.Verify(existing.PasswordHash, password))
        {
            return SignUpResult.Rejected([new FieldError("email", AccountError.AccountExists)]);
        }

        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await UserStore.AddMembershipAsync(connection, null, existing.Id, company.Id, cancellationToken);
        return new SignUpResult(SignUpOutcome.JoinedExisting, []);
    }

    private static List<FieldError> ValidateSignUp(SignUpInput input, out string? email)
    {
        var errors = new List<FieldError>();
        email = AccountRules.NormaliseEmail(input.Email);
        if (email is null)
        {
            errors.Add(new FieldError("email", string.IsNullOrWhiteSpace(input.Email) ? AccountError.Required : AccountError.InvalidEmail));
        }

        foreach (var (field, value) in new[] { ("first_name", input.FirstName), ("last_name", input.LastName) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new FieldError(field, AccountError.Required));
            }
            else if (!AccountRules.IsValidName(value))
            {
                errors.Add(new FieldError(field, AccountError.InvalidName));
            }
        }

        errors.AddRange(ValidatePassword(input.Password, input.ConfirmPassword));
        return errors;
    }

    private static List<FieldError> ValidatePassword(string? password, string? confirmPassword)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(new FieldError("password", AccountError.Required));
        }
        else if (!AccountRules.IsStrongPassword(password))
        {
            errors.Add(new FieldError("password", AccountError.PasswordTooWeak));
        }
        else if (password != confirmPassword)
        {
            errors.Add(new FieldError("confirm_password", AccountError.PasswordsDiffer));
        }

        return errors;
    }
}
