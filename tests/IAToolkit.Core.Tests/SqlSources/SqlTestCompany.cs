using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using IAToolkit.Core.Tests.Companies;
using IAToolkit.Core.Tests.Companies.Configuration;
using Microsoft.Extensions.Configuration;

namespace IAToolkit.Core.Tests.SqlSources;

/// <summary>A company loaded from a real company.yaml (so key paths are the loader's); its folder lives until disposed.</summary>
internal sealed class SqlTestCompany : IDisposable
{
    private readonly TestCompanyFolder _folder;

    private SqlTestCompany(TestCompanyFolder folder, Company company)
    {
        _folder = folder;
        Company = company;
    }

    /// <summary>One source <c>erp</c> read from <c>ACME_ERP_URI</c>, with every table.</summary>
    public const string Erp = """
        data_sources:
          sql:
            - database: erp
              connection_string_env: ACME_ERP_URI
              description: ERP of ACME.
              include_all_tables: true
        """;

    public Company Company { get; }

    public SqlDataSource Source(string database = "erp") => Company.Configuration.SqlDataSources.Single(s => s.Database == database);

    /// <summary>Loads company <paramref name="shortName"/> with the given company.yaml sections and extra files.</summary>
    public static SqlTestCompany Create(string sections, string shortName = "acme", params (string Path, string Text)[] files)
    {
        var folder = new TestCompanyFolder(shortName).CompanyYaml($"""
            id: {shortName}
            name: {shortName.ToUpperInvariant()}
            llm:
              model: gpt-4o-mini
              api-key: OPENAI_API_KEY

            """ + sections);
        foreach (var (path, text) in files)
        {
            folder.File(path, text);
        }

        var result = new CompanyConfigurationLoader(new ConfigurationBuilder().Build()).Load(folder.ShortName, folder.Path, folder.Display);
        Assert.That(result.Errors, Is.Empty, "the test company.yaml loads");
        var implementation = new AcmeCompany();
        return new SqlTestCompany(folder, new Company(1, shortName, folder.Path, result.Configuration!, implementation));
    }

    public void Dispose() => _folder.Dispose();
}
