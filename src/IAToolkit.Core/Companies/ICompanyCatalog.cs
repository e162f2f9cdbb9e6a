using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies;

/// <summary>The companies this host serves, available once the host has started.</summary>
internal interface ICompanyCatalog
{
    /// <summary>Every company, in registration order.</summary>
    IReadOnlyList<Company> Companies { get; }

    /// <summary>The company with this short name, or <see langword="null"/>.</summary>
    Company? Find(string shortName);

    /// <summary>The company with this short name.</summary>
    /// <exception cref="IAToolkitException">Code <c>company_not_found</c>.</exception>
    Company GetRequired(string shortName);
}
