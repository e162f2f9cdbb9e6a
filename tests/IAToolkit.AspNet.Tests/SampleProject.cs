namespace IAToolkit.AspNet.Tests;

/// <summary>Where the sample host's sources are: the in-memory host's content root.</summary>
internal static class SampleProject
{
    /// <summary><c>samples/SampleCompany</c> of this checkout.</summary>
    public static string Folder
    {
        get
        {
            var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "IAToolkit.sln")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory!.FullName, "samples", "SampleCompany");
        }
    }

    /// <summary>The sample company's folder, <c>companies/sample_company</c>.</summary>
    public static string CompanyFolder => Path.Combine(Folder, "companies", "sample_company");
}
