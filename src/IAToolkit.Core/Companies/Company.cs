using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies;

/// <summary>A loaded company: its row id, its validated configuration, its folder and its code.</summary>
internal sealed class Company
{
    internal Company(long id, string shortName, string folder, CompanyConfiguration configuration, ICompany implementation)
    {
        Id = id;
        ShortName = shortName;
        Folder = folder;
        Configuration = configuration;
        Implementation = implementation;
    }

    /// <summary>The short name, e.g. <c>sample_company</c>.</summary>
    public string ShortName { get; }

    /// <summary>The id of the company's row in <c>iat_companies</c>; every tenant row carries it.</summary>
    public long Id { get; }

    /// <summary>The absolute path of the company folder.</summary>
    public string Folder { get; }

    /// <summary>The company's validated company.yaml.</summary>
    public CompanyConfiguration Configuration { get; }

    /// <summary>The company's own code.</summary>
    public ICompany Implementation { get; }
}
