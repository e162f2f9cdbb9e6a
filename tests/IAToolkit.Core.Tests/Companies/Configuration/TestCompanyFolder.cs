using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using Microsoft.Extensions.Configuration;

namespace IAToolkit.Core.Tests.Companies.Configuration;

/// <summary>Writes a small company folder under the temp directory, loads it, and deletes it when disposed.</summary>
internal sealed class TestCompanyFolder : IDisposable
{
    /// <summary>The smallest valid company.yaml for <see cref="ShortName"/> <c>acme</c>; tests append sections to it.</summary>
    public const string MinimalYaml = """
        id: acme
        name: ACME
        llm:
          model: gpt-4o-mini
          api-key: OPENAI_API_KEY

        """;

    public TestCompanyFolder(string shortName = "acme")
    {
        ShortName = shortName;
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "iat-company-" + Guid.NewGuid().ToString("N"), shortName);
        Directory.CreateDirectory(Path);
    }

    public string ShortName { get; }

    public string Path { get; }

    /// <summary>The folder as messages show it.</summary>
    public string Display => $"companies/{ShortName}";

    /// <summary>Where company.yaml problems are reported.</summary>
    public string CompanyFile => $"{Display}/config/company.yaml";

    public TestCompanyFolder CompanyYaml(string yaml) => File("config/company.yaml", yaml);

    public TestCompanyFolder File(string relative, string content = "")
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, content);
        return this;
    }

    public TestCompanyFolder Prompt(string name) => File($"prompts/{name}.prompt", "Answer {{ question }} for {{ user_fullname }}.");

    /// <summary>Loads the folder with the given variables set (each to a dummy value) and no others.</summary>
    public CompanyLoadResult Load(params string[] variablesSet) => LoadFolder(ShortName, Path, Display, variablesSet);

    public static CompanyLoadResult LoadFolder(string shortName, string path, string display, IEnumerable<string> variablesSet)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(variablesSet.Select(v => new KeyValuePair<string, string?>(v, "value-" + v)))
            .Build();
        return new CompanyConfigurationLoader(configuration).Load(shortName, path, display);
    }

    public void Dispose() => Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
}
