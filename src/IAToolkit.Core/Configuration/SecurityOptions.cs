namespace IAToolkit.Configuration;

/// <summary>Keys for signing and encryption (section <c>IAToolkit:Security</c>; values from <c>IATOOLKIT_SECRET_KEY</c> and <c>FERNET_KEY</c>).</summary>
internal sealed class SecurityOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "IAToolkit:Security";

    /// <summary>The environment variable holding <see cref="SecretKey"/>.</summary>
    public const string SecretKeyVariable = "IATOOLKIT_SECRET_KEY";

    /// <summary>The environment variable holding <see cref="FernetKey"/>.</summary>
    public const string FernetKeyVariable = "FERNET_KEY";

    /// <summary>The minimum length of <see cref="SecretKey"/>.</summary>
    public const int MinimumSecretKeyLength = 32;

    /// <summary>The default of <see cref="ApplicationName"/>.</summary>
    public const string DefaultApplicationName = "IAToolkit";

    /// <summary>
    /// Required, at least 32 characters. A key derived from it encrypts the Data Protection key ring in Redis, which
    /// signs and encrypts the session cookies and antiforgery tokens: hosts that share sessions need the same value,
    /// and changing it ends every session.
    /// </summary>
    public string? SecretKey { get; set; }

    /// <summary>
    /// Optional, reserved for encrypting stored secrets (nothing uses it yet): when set, it must be 32 bytes in URL-safe
    /// base64, as Python's <c>Fernet.generate_key()</c> prints.
    /// </summary>
    public string? FernetKey { get; set; }

    /// <summary>
    /// Isolates applications that share one Redis: only hosts with the same name (and the same secret key) read each
    /// other's cookies. Letters, digits, '.', '_' and '-'; default <c>IAToolkit</c>.
    /// </summary>
    public string ApplicationName { get; set; } = DefaultApplicationName;

    /// <summary>Failed sign-ins allowed for one e-mail address before it must wait (default 5), from any client address.</summary>
    public int LoginBackoffFreeAttempts { get; set; } = 5;

    /// <summary>The first wait after <see cref="LoginBackoffFreeAttempts"/> failures; each further failure doubles it (default 30 seconds).</summary>
    public TimeSpan LoginBackoffStart { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait (default 15 minutes).</summary>
    public TimeSpan LoginBackoffMax { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Mark the session cookie Secure (sent over HTTPS only). Defaults to true outside Development; a host behind a
    /// TLS-terminating proxy keeps it true.
    /// </summary>
    public bool? SecureCookies { get; set; }

    /// <summary>How long a session lasts without activity (sliding; default 8 hours).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long an external login link works (default 5 minutes).</summary>
    public TimeSpan ExternalLoginLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
