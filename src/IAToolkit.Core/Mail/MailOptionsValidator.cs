using Microsoft.Extensions.Options;

namespace IAToolkit.Mail;

/// <summary>Validates <see cref="MailOptions"/> at start; every message names the setting.</summary>
internal sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.BrevoBaseUrl, UriKind.Absolute, out var brevo)
            || (brevo.Scheme != Uri.UriSchemeHttps && brevo.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{MailOptions.SectionName}:BrevoBaseUrl must be an absolute http(s) URL, e.g. https://api.brevo.com; it is '{options.BrevoBaseUrl}'.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{MailOptions.SectionName}:Timeout must be between 00:00:01 and 00:10:00; it is {options.Timeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
