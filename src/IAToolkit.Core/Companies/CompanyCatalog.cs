using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies;

/// <summary>Holds the loaded companies; filled once by the start-up sequence.</summary>
internal sealed class CompanyCatalog : ICompanyCatalog
{
    private volatile IReadOnlyList<Company>? _companies;
    private Dictionary<string, Company> _byName = new(StringComparer.Ordinal);

    public IReadOnlyList<Company> Companies => _companies ?? throw NotLoaded();

    public bool IsLoaded => _companies is not null;

    public Company? Find(string shortName)
    {
        _ = Companies;
        return _byName.GetValueOrDefault(shortName);
    }

    public Company GetRequired(string shortName)
        => Find(shortName) ?? throw new IAToolkitException(ErrorCodes.CompanyNotFound, $"There is no company named '{shortName}'.");

    internal void Load(IReadOnlyList<Company> companies)
    {
        _byName = companies.ToDictionary(c => c.ShortName, StringComparer.Ordinal);
        _companies = companies;
    }

    private static InvalidOperationException NotLoaded()
        => new("The companies are not loaded yet: they are loaded when the host starts (or by a verb that needs them).");
}
