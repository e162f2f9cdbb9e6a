namespace IAToolkit.Templates.Tests;

/// <summary>Where the framework's repository is, found from the test's output folder.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "IAToolkit.sln")) && Directory.Exists(Path.Combine(directory.FullName, "templates")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (IAToolkit.sln) is not above " + AppContext.BaseDirectory);
    });

    public static string Root => LazyRoot.Value;

    /// <summary>The template's source folder, with its placeholders (CompanyHost, company_host).</summary>
    public static string Template => Path.Combine(Root, "templates", "company-host");

    public static string Sample => Path.Combine(Root, "samples", "SampleCompany");

    /// <summary>The build configuration of this test assembly, which is the one the packed projects were built in.</summary>
    public static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif
}
