using Microsoft.Extensions.Options;

namespace IAToolkit.Configuration;

/// <summary>Validates the framework settings at start; every message names the variable to set.</summary>
internal sealed class SettingsValidator :
    IValidateOptions<DatabaseOptions>,
    IValidateOptions<RedisOptions>,
    IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{DatabaseOptions.VariableName} is not set: point it at the core PostgreSQL database, e.g. postgresql://user:password@host:5432/iatoolkit (or set {DatabaseOptions.SectionName}:ConnectionString).");
        }

        try
        {
            _ = DatabaseUri.ToConnectionString(options.ConnectionString);
        }
        catch (FormatException ex)
        {
            return ValidateOptionsResult.Fail($"{DatabaseOptions.VariableName} {ex.Message}.");
        }

        return options.CommandTimeoutSeconds > 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{DatabaseOptions.SectionName}:CommandTimeoutSeconds must be positive.");
    }

    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Url))
        {
            return ValidateOptionsResult.Fail(
                $"{RedisOptions.VariableName} is not set: point it at Redis, e.g. redis://localhost:6379/0 (or set {RedisOptions.SectionName}:Url).");
        }

        try
        {
            _ = RedisUrl.ToConfigurationOptions(options.Url);
            return ValidateOptionsResult.Success;
        }
        catch (FormatException ex)
        {
            return ValidateOptionsResult.Fail($"{RedisOptions.VariableName} {ex.Message}.");
        }
    }

    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SecretKey))
        {
            failures.Add($"{SecurityOptions.SecretKeyVariable} is not set: set it to a random string of at least {SecurityOptions.MinimumSecretKeyLength} characters (e.g. openssl rand -hex 32).");
        }
        else if (options.SecretKey.Length < SecurityOptions.MinimumSecretKeyLength)
        {
            failures.Add($"{SecurityOptions.SecretKeyVariable} is too short: it needs at least {SecurityOptions.MinimumSecretKeyLength} characters.");
        }

        // FERNET_KEY has no job yet (it is reserved for encrypting stored secrets), so it is checked only when set.
        if (!string.IsNullOrWhiteSpace(options.FernetKey) && !FernetKeyFormat.IsValid(options.FernetKey))
        {
            failures.Add($"{SecurityOptions.FernetKeyVariable} is not a Fernet key: it must be 32 bytes in URL-safe base64 (44 characters ending in '='), or be left unset.");
        }

        if (string.IsNullOrEmpty(options.ApplicationName) || options.ApplicationName.Length > 64 || !options.ApplicationName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            failures.Add($"{SecurityOptions.SectionName}:ApplicationName must be 1 to 64 letters, digits, '.', '_' or '-'.");
        }

        if (options.LoginBackoffFreeAttempts < 1 || options.LoginBackoffStart <= TimeSpan.Zero || options.LoginBackoffMax < options.LoginBackoffStart)
        {
            failures.Add($"{SecurityOptions.SectionName}:LoginBackoffFreeAttempts must be at least 1, LoginBackoffStart positive and LoginBackoffMax at least LoginBackoffStart.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
