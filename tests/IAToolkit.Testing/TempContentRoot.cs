namespace IAToolkit.Testing;

/// <summary>A temporary content root with a <c>companies/</c> folder, deleted on dispose.</summary>
public sealed class TempContentRoot : IDisposable
{
    /// <summary>Creates an empty content root.</summary>
    public TempContentRoot()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "iat-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(System.IO.Path.Combine(Path, "companies"));
    }

    /// <summary>The absolute path.</summary>
    public string Path { get; }

    /// <summary>The smallest company.yaml that loads without errors.</summary>
    public static string MinimalYaml(string shortName, string name = "Test Company") => $"""
        id: "{shortName}"
        name: "{name}"
        locale: "en_US"
        llm:
          model: "gpt-4o-mini"
          api-key: "TEST_OPENAI_API_KEY"
        """;

    /// <summary>Writes <c>companies/&lt;shortName&gt;/config/company.yaml</c> (and any extra files, by relative path).</summary>
    public string WriteCompany(string shortName, string companyYaml, params (string RelativePath, string Text)[] files)
    {
        var folder = System.IO.Path.Combine(Path, "companies", shortName);
        WriteFile(System.IO.Path.Combine(folder, "config", "company.yaml"), companyYaml);
        foreach (var (relativePath, text) in files)
        {
            WriteFile(System.IO.Path.Combine(folder, relativePath), text);
        }

        return folder;
    }

    /// <summary>Deletes the folder.</summary>
    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    private static void WriteFile(string path, string text)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
