namespace IAToolkit.Configuration;

/// <summary>Keys for signing and encryption (section <c>IAToolkit:Security</c>; values from <c>IATOOLKIT_SECRET_KEY</c> and <c>FERNET_KEY</c>).</summary>
public sealed class SecurityOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "IAToolkit:Security";

    /// <summary>The environment variable holding <see cref="SecretKey"/>.</summary>
    public const string SecretKeyVariable = "IATOOLKIT_SECRET_KEY";

    /// <summary>The environment variable holding <see cref="FernetKey"/>.</summary>
    public const string FernetKeyVariable = "FERNET_KEY";

    /// <summary>The minimum length of <see cref="SecretKey"/>.</summary>
    public const int MinimumSecretKeyLength = 32;

    /// <summary>Signs tokens and links; at least 32 characters.</summary>
    public string? SecretKey { get; set; }

    /// <summary>Encrypts stored secrets: 32 bytes in URL-safe base64, as Python's <c>Fernet.generate_key()</c> prints.</summary>
    public string? FernetKey { get; set; }

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
