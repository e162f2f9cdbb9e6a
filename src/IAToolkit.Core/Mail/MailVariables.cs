using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Mail;

/// <summary>Reads the variables <c>mail_provider</c> names; a missing one is a mail failure that names it.</summary>
internal static class MailVariables
{
    private static readonly string[] TrueValues = ["true", "1", "yes"];

    /// <summary>The variable's value, or a <see cref="ErrorCodes.MailFailed"/> naming the variable, the file and the key.</summary>
    public static string Require(CompanySecrets secrets, MailDelivery delivery, VariableReference variable)
    {
        try
        {
            return secrets.Resolve(variable);
        }
        catch (IAToolkitException ex) when (ex.Code == ErrorCodes.InvalidSettings)
        {
            throw new IAToolkitException(ErrorCodes.MailFailed, $"{delivery.FailurePrefix}: {ex.Message}", ex);
        }
    }

    /// <summary>Whether the variable is set to <c>true</c>, <c>1</c> or <c>yes</c> (any case).</summary>
    public static bool IsOn(CompanySecrets secrets, VariableReference variable)
        => IsTrue(secrets.Find(variable));

    public static bool IsTrue(string? value)
        => value is not null && TrueValues.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Replaces every secret in <paramref name="text"/> so that a provider's echo never reaches a message or a log.</summary>
    public static string Redact(string text, params string?[] secrets)
    {
        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }
}
