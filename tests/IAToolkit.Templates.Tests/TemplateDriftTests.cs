using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace IAToolkit.Templates.Tests;

/// <summary>
/// samples/SampleCompany is a host exactly as `dotnet new iatoolkit-company` makes it, with project references instead
/// of packages: these fail when the two drift apart (the Program.cs, the project, the company folder's layout).
/// </summary>
public sealed partial class TemplateDriftTests
{
    // Folders a company may go without: the home page is optional, and each one names its own document folders.
    private static readonly string[] OptionalCompanyFolders = ["templates", "documents", "sample_data"];

    [Test]
    public void ProgramCs_SampleAndTemplate_HaveTheSameStatements()
    {
        var template = ProgramShape(File.ReadAllText(Path.Combine(RepositoryPaths.Template, "Program.cs")));
        var sample = ProgramShape(File.ReadAllText(Path.Combine(RepositoryPaths.Sample, "Program.cs")));

        Assert.That(sample, Is.EqualTo(template), "samples/SampleCompany/Program.cs differs from templates/company-host/Program.cs (comments, names and spacing aside)");
    }

    [Test]
    public void HostProject_SampleAndTemplate_HaveTheSameFilesAndItems()
    {
        Assert.That(HostFiles(RepositoryPaths.Sample, "SampleCompany"), Is.EquivalentTo(HostFiles(RepositoryPaths.Template, "CompanyHost")));

        var template = XDocument.Load(Path.Combine(RepositoryPaths.Template, "CompanyHost.csproj")).Root!;
        var sample = XDocument.Load(Path.Combine(RepositoryPaths.Sample, "SampleCompany.csproj")).Root!;
        Assert.That(sample.Attribute("Sdk")?.Value, Is.EqualTo(template.Attribute("Sdk")?.Value));
        Assert.That(ContentItems(sample), Is.EqualTo(ContentItems(template)), "the company folder is copied the same way");

        // The template's packages are the sample's project references.
        var packages = template.Descendants("PackageReference").Select(p => p.Attribute("Include")!.Value).Where(p => p.StartsWith("IAToolkit.", StringComparison.Ordinal));
        var projects = sample.Descendants("ProjectReference").Select(p => Path.GetFileNameWithoutExtension(p.Attribute("Include")!.Value));
        Assert.That(projects, Is.EquivalentTo(packages));

        Assert.That(JsonText(Path.Combine(RepositoryPaths.Sample, "appsettings.json")), Is.EqualTo(JsonText(Path.Combine(RepositoryPaths.Template, "appsettings.json"))));
    }

    [Test]
    public void CompanyFolder_SampleAndTemplate_HaveTheSameLayout()
    {
        var template = Path.Combine(RepositoryPaths.Template, "companies", "company_host");
        var sample = Path.Combine(RepositoryPaths.Sample, "companies", "sample_company");

        var templateFolders = Folders(template).Except(OptionalCompanyFolders);
        var sampleFolders = Folders(sample).Except(OptionalCompanyFolders);
        Assert.That(sampleFolders, Is.EquivalentTo(templateFolders));
        Assert.That(FileNames(sample, "config"), Is.EquivalentTo(FileNames(template, "config")));
        foreach (var (folder, pattern) in new[] { ("context", "*.md"), ("prompts", "*.prompt"), ("schema", "*.yaml") })
        {
            Assert.That(Directory.EnumerateFiles(Path.Combine(template, folder), pattern), Is.Not.Empty, $"the template has a {folder}/{pattern} file");
            Assert.That(Directory.EnumerateFiles(Path.Combine(sample, folder), pattern), Is.Not.Empty, $"the sample has a {folder}/{pattern} file");
        }

        // The template shows every section the sample uses.
        Assert.That(Sections(Path.Combine(template, "config", "company.yaml")), Is.SupersetOf(Sections(Path.Combine(sample, "config", "company.yaml"))));
    }

    /// <summary>The statements of a Program.cs without comments, spacing, and the company's class and short name.</summary>
    private static string ProgramShape(string source)
    {
        var withoutComments = string.Join('\n', source.Split('\n').Select(line => LineComment().Replace(line, string.Empty)));
        var named = RegisterCompany().Replace(withoutComments, "RegisterCompany<COMPANY>(\"company\")");
        return Whitespace().Replace(named, string.Empty);
    }

    private static List<string> HostFiles(string folder, string projectName)
        => [.. Directory.EnumerateFiles(folder)
            .Select(Path.GetFileName).OfType<string>()
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Select(f => f.Replace(projectName + "Company.cs", "<company class>.cs", StringComparison.Ordinal)
                .Replace(projectName + ".cs", "<company class>.cs", StringComparison.Ordinal)
                .Replace(projectName + ".csproj", "<project>.csproj", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    private static List<string> ContentItems(XElement project)
        => [.. project.Descendants("Content").Select(c => string.Join(' ', c.Attributes().Select(a => $"{a.Name}={a.Value}")))];

    private static IEnumerable<string> Folders(string folder) => Directory.EnumerateDirectories(folder).Select(Path.GetFileName).OfType<string>();

    private static IEnumerable<string> FileNames(string folder, string sub) => Directory.EnumerateFiles(Path.Combine(folder, sub)).Select(Path.GetFileName).OfType<string>();

    private static IEnumerable<string> Sections(string yaml)
        => File.ReadLines(yaml).Select(l => TopLevelKey().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct();

    private static string JsonText(string path) => JsonSerializer.Serialize(JsonDocument.Parse(File.ReadAllText(path)).RootElement);

    [GeneratedRegex(@"//.*$")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"RegisterCompany<[^>]+>\(""[^""]+""\)")]
    private static partial Regex RegisterCompany();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^([a-z_]+):")]
    private static partial Regex TopLevelKey();
}
