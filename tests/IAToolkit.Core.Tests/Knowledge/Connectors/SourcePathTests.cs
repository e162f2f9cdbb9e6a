using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Core.Tests.Knowledge.Connectors;

/// <summary>The relative paths connectors accept, for sources and for written files.</summary>
public sealed class SourcePathTests
{
    [TestCase("companies/acme/docs", "companies/acme/docs")]
    [TestCase("./companies//acme/docs/", "companies/acme/docs")]
    [TestCase("companies\\acme\\docs", "companies/acme/docs")]
    [TestCase("", "")]
    [TestCase(".", "")]
    public void NormalizeFolder_RelativePath_SlashesUnified(string path, string expected)
    {
        Assert.That(SourcePath.NormalizeFolder(path, out var problem), Is.EqualTo(expected));
        Assert.That(problem, Is.Null);
    }

    [TestCase("..")]
    [TestCase("docs/../..")]
    [TestCase("/abs/docs")]
    [TestCase("C:\\docs")]
    public void NormalizeFolder_ClimbingOrAbsolute_Null(string path)
    {
        Assert.That(SourcePath.NormalizeFolder(path, out var problem), Is.Null);
        Assert.That(problem, Is.Not.Null);
    }

    [TestCase("a.pdf", "a.pdf")]
    [TestCase("2024\\q1/a.pdf", "2024/q1/a.pdf")]
    [TestCase("2024//a.pdf", "2024/a.pdf")]
    public void NormalizeFile_RelativeFile_Accepted(string path, string expected)
        => Assert.That(SourcePath.NormalizeFile(path), Is.EqualTo(expected));

    [TestCase("a.pdf", true)]
    [TestCase("2024/a.pdf", true)]
    [TestCase("2024//a.pdf", false)]
    [TestCase("folder/", false)]
    [TestCase(".keep", false)]
    [TestCase("", false)]
    public void IsCanonicalFile_BucketKeys_OnlyPlainPathsListed(string path, bool expected)
        => Assert.That(SourcePath.IsCanonicalFile(path), Is.EqualTo(expected));
}
