using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using Microsoft.Extensions.Configuration;

namespace IAToolkit.Companies;

/// <summary>
/// Resolves the variables company.yaml names (API keys, connection strings, SMTP and AWS settings) through the host's
/// configuration: environment variables, <c>.env</c> in Development, appsettings. Loading a company only warns
/// about a missing variable; the feature that needs it calls <see cref="Resolve"/> and fails with a clear message.
/// </summary>
internal sealed class CompanySecrets
{
    private readonly IConfiguration _configuration;

    /// <summary>Creates a resolver over the host's configuration.</summary>
    public CompanySecrets(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _configuration = configuration;
    }

    /// <summary>Whether the variable has a non-empty value.</summary>
    public bool IsSet(string variableName) => !string.IsNullOrEmpty(_configuration[variableName]);

    /// <summary>The variable's value, or <see langword="null"/> when it is not set or empty.</summary>
    public string? Find(VariableReference variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var value = _configuration[variable.Name];
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>The variable's value.</summary>
    /// <exception cref="IAToolkitException">
    /// With code <see cref="ErrorCodes.InvalidSettings"/> when the variable is not set; the message names the
    /// variable and the file and key that name it, never a value.
    /// </exception>
    public string Resolve(VariableReference variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return Find(variable) ?? throw new IAToolkitException(
            ErrorCodes.InvalidSettings,
            $"{variable.Name} is not set: {variable.File}: {variable.KeyPath} names it. Set the environment variable (or add it to .env in Development).");
    }
}
