using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary><c>parameters.signup</c>: whether people may create their own accounts, and with which e-mail domains.</summary>
internal sealed record SignUpSettings
{
    /// <summary><c>enabled</c>: the sign-up page is offered; true when not given.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// <c>allowed_domains</c>: when not empty, only addresses at these domains may sign up. <c>example.com</c> is that
    /// domain exactly; <c>*.example.com</c> is any of its subdomains (not the domain itself). Lower case.
    /// </summary>
    public IReadOnlyList<string> AllowedDomains { get; init; } = [];

    /// <summary>Whether a (normalized, lower-case) e-mail address may sign up.</summary>
    public bool Allows(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (AllowedDomains.Count == 0)
        {
            return true;
        }

        // The domain is what follows the last '@': the part the mail server routes on.
        var at = email.LastIndexOf('@');
        if (at < 0)
        {
            return false;
        }

        var domain = email[(at + 1)..].ToLowerInvariant();
        return AllowedDomains.Any(allowed => allowed.StartsWith("*.", StringComparison.Ordinal)
            ? domain.EndsWith(allowed[1..], StringComparison.Ordinal) && domain.Length > allowed.Length - 1
            : domain == allowed);
    }
}
