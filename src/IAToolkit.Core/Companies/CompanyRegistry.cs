using System.Text.RegularExpressions;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies;

/// <summary>The companies registered with <c>RegisterCompany&lt;TCompany&gt;(shortName)</c>, in order.</summary>
internal sealed partial class CompanyRegistry
{
    private readonly List<CompanyRegistration> _registrations = [];

    public IReadOnlyList<CompanyRegistration> Registrations => _registrations;

    public CompanyRegistration Add(string shortName, ICompany implementation)
    {
        if (!ShortNamePattern().IsMatch(shortName))
        {
            throw new ArgumentException(
                $"'{shortName}' is not a valid company short name: use 1 to 64 lower-case letters, digits, '_' or '-', starting with a letter or digit.",
                nameof(shortName));
        }

        if (_registrations.Any(r => r.ShortName == shortName))
        {
            throw new ArgumentException($"A company named '{shortName}' is already registered.", nameof(shortName));
        }

        var registration = new CompanyRegistration(shortName, implementation);
        _registrations.Add(registration);
        return registration;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    internal static partial Regex ShortNamePattern();
}
