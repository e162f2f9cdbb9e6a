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
}
