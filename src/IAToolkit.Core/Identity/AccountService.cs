using IAToolkit.Companies;
using IAToolkit.Database;
using Npgsql;

namespace IAToolkit.Identity;

/// <summary>
/// Sign-up, sign-in, e-mail verification and password reset for a company's local users. Mails are queued (see
/// <see cref="AccountMails"/>), so a page answers in the same time and with the same text whether the address has an
/// account or not; a mail that cannot be sent is retried in the background and logged, and the user can ask again.
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
    private readonly LoginBackoff _backoff;
    private readonly SessionStamps _stamps;

    public AccountService(CoreDatabase database, UserStore users, Passwords passwords, AccountMails mails, LoginAudit audit, LoginBackoff backoff, SessionStamps stamps)
    {
        _database = database;
        _users = users;
        _passwords = passwords;
        _mails = mails;
        _audit = audit;
        _backoff = backoff;
        _stamps = stamps;
    }

    /// <summary>
    /// Creates an account (or gives an existing one access), e-mailing a verification link when the company asks for
    /// one. An address that already has an account gets the same outcome as a new one (unless the password given is
    /// that account's, which proves the caller owns it), so the form cannot be used to find out who has an account.
    /// </summary>
    /// <param name="company">The company signed up to.</param>
    /// <param name="input">The form.</param>
    /// <param name="verifyLink">Builds the verification URL from a token.</param>
    /// <param name="language"><c>en</c> or <c>es</c>, for the e-mail.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<SignUpResult> SignUpAsync(Company company, SignUpInput input, Func<string, Uri> verifyLink, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(input);
        var signUp = company.Configuration.Parameters.SignUp;
        if (!signUp.Enabled)
        {
            return SignUpResult.Rejected([new FieldError(string.Empty, AccountError.SignUpClosed)]);
        }

        var errors = ValidateSignUp(input, out var email);
        if (email is not null && !signUp.Allows(email))
        {
            errors.Insert(0, new FieldError("email", AccountError.DomainNotAllowed));
        }

        if (errors.Count > 0)
        {
            return SignUpResult.Rejected(errors);
        }

        var verify = company.Configuration.Parameters.VerifyAccount;
        var uniform = new SignUpResult(verify ? SignUpOutcome.VerificationSent : SignUpOutcome.Active, []);
        var existing = await _users.FindByEmailAsync(email!, cancellationToken);
        if (existing is not null)
        {
            return await SignUpExistingAsync(company, existing, input.Password!, verifyLink, language, cancellationToken) ?? uniform;
        }

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
            // Signed up a moment ago by someone else: the same answer as for any existing address.
            return uniform;
        }

        await UserStore.AddMembershipAsync(connection, transaction, userId, company.Id, cancellationToken);
        string? token = null;
        if (verify)
        {
            token = await UserTokenStore.CreateAsync(connection, transaction, userId, company.Id, TokenPurpose.VerifyEmail, VerificationLifetime, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (token is not null)
        {
            _mails.QueueVerification(company, user.Email, user.FirstName, verifyLink(token), language);
        }

        return uniform;
    }

    /// <summary>
    /// Checks an e-mail and password for the company and records the attempt. Failed attempts count against the
    /// address (see <see cref="LoginBackoff"/>); while it must wait, the password is not even checked.
    /// </summary>
    public async Task<LoginResult> LoginAsync(Company company, string? email, string? password, ClientInfo client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(client);
        var normalized = AccountRules.NormalizeEmail(email);
        if (normalized is not null && await _backoff.WaitAsync(normalized) is { } wait)
        {
            await _audit.RecordAsync(new LoginAttempt(company.Id, normalized, false, false, "backoff", client.IpAddress, client.UserAgent), cancellationToken);
            return new LoginResult(null, AccountError.TooManyAttempts, wait);
        }

        var user = normalized is null ? null : await _users.FindByEmailAsync(normalized, cancellationToken);
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

        if (normalized is not null)
        {
            await (error == AccountError.InvalidCredentials ? _backoff.RecordFailureAsync(normalized) : _backoff.ResetAsync(normalized));
        }

        var reason = error switch
        {
            null => null,
            AccountError.InvalidCredentials => "invalid_credentials",
            AccountError.NotMember => "not_member",
            _ => "not_verified",
        };
        await _audit.RecordAsync(new LoginAttempt(company.Id, normalized ?? email ?? string.Empty, false, error is null, reason, client.IpAddress, client.UserAgent), cancellationToken);
        return error is null ? new LoginResult(user, null) : new LoginResult(null, error);
    }

    /// <summary>Ends every session of a local user (on sign-out).</summary>
    public Task EndSessionsAsync(long userId, CancellationToken cancellationToken) => _stamps.RenewForUserAsync(userId, cancellationToken);

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
    /// Queues a reset link when the address belongs to a member of the company; does nothing otherwise. Either way the
    /// caller answers the same, at once, so the page cannot be used to find out who has an account.
    /// </summary>
    public async Task RequestPasswordResetAsync(Company company, string? email, Func<string, Uri> resetLink, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        var normalized = AccountRules.NormalizeEmail(email);
        var user = normalized is null ? null : await _users.FindByEmailAsync(normalized, cancellationToken);
        if (user is null || !await _users.IsMemberAsync(user.Id, company.Id, cancellationToken))
        {
            return;
        }

        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var token = await UserTokenStore.CreateAsync(connection, transaction, user.Id, company.Id, TokenPurpose.ResetPassword, ResetLifetime, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _mails.QueuePasswordReset(company, user.Email, user.FirstName, resetLink(token), user.PreferredLanguage ?? language);
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

        // The new password ends every session of the user: the stamp changes with it, on every host at once.
        var stamp = SessionStamps.NewStamp();
        await UserStore.SetPasswordAsync(connection, transaction, redemption.UserId!.Value, _passwords.Hash(password!), stamp, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await _stamps.PublishAsync(redemption.UserId.Value, stamp);
        return new PasswordResetResult(TokenStatus.Redeemed, []);
    }

    /// <summary>
    /// The right password for an existing account proves its owner is signing up: the account joins the company.
    /// Anything else returns <see langword="null"/>, for the same answer as a new address; an unverified member gets a
    /// new verification link (their first mail may have been lost). The password check counts against the address
    /// like a sign-in, so the form is no way around <see cref="LoginBackoff"/>.
    /// </summary>
    private async Task<SignUpResult?> SignUpExistingAsync(Company company, UserAccount existing, string password, Func<string, Uri> verifyLink, string language, CancellationToken cancellationToken)
    {
        var waiting = await _backoff.WaitAsync(existing.Email) is not null;
        var matches = _passwords.Verify(waiting ? null : existing.PasswordHash, password);
        if (matches)
        {
            await _backoff.ResetAsync(existing.Email);
            await using var connection = await _database.OpenConnectionAsync(cancellationToken);
            await UserStore.AddMembershipAsync(connection, null, existing.Id, company.Id, cancellationToken);
            return new SignUpResult(SignUpOutcome.JoinedExisting, []);
        }

        if (!waiting)
        {
            await _backoff.RecordFailureAsync(existing.Email);
        }

        if (!existing.Verified && company.Configuration.Parameters.VerifyAccount && await _users.IsMemberAsync(existing.Id, company.Id, cancellationToken))
        {
            await using var connection = await _database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var token = await UserTokenStore.CreateAsync(connection, transaction, existing.Id, company.Id, TokenPurpose.VerifyEmail, VerificationLifetime, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            _mails.QueueVerification(company, existing.Email, existing.FirstName, verifyLink(token), existing.PreferredLanguage ?? language);
        }

        return null;
    }

    private static List<FieldError> ValidateSignUp(SignUpInput input, out string? email)
    {
        var errors = new List<FieldError>();
        email = AccountRules.NormalizeEmail(input.Email);
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
