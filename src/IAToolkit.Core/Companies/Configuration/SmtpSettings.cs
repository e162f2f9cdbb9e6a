using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary>
/// <c>mail_provider.smtplib</c>: the variables that hold the SMTP settings (defaults <c>SMTP_HOST</c>,
/// <c>SMTP_PORT</c>, <c>SMTP_USERNAME</c>, <c>SMTP_PASSWORD</c>, <c>SMTP_USE_TLS</c>, <c>SMTP_USE_SSL</c>). The TLS and
/// SSL variables are on when their value is <c>true</c>.
/// </summary>
internal sealed record SmtpSettings
{
    /// <summary><c>host_env</c>.</summary>
    public required VariableReference Host { get; init; }

    /// <summary><c>port_env</c>.</summary>
    public required VariableReference Port { get; init; }

    /// <summary><c>username_env</c>.</summary>
    public required VariableReference Username { get; init; }

    /// <summary><c>password_env</c>.</summary>
    public required VariableReference Password { get; init; }

    /// <summary><c>use_tls_env</c>.</summary>
    public required VariableReference UseTls { get; init; }

    /// <summary><c>use_ssl_env</c>.</summary>
    public required VariableReference UseSsl { get; init; }
}
