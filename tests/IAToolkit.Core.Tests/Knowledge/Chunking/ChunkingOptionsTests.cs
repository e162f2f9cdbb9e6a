using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.Options;
using static IAToolkit.Core.Tests.Knowledge.Chunking.ChunkerTestText;

namespace IAToolkit.Core.Tests.Knowledge.Chunking;

public sealed class ChunkingOptionsTests
{
    [Test]
    public void Defaults_AreValid()
    {
        var options = new ChunkingOptions();

        Assert.That((options.MaxTokens, options.OverlapTokens), Is.EqualTo((400, 60)));
        Assert.That(new ChunkingOptionsValidator().Validate(null, options).Succeeded, Is.True);
    }

    [TestCase(10, 0, "IAToolkit:Knowledge:Chunking:MaxTokens must be between 32 and 8191; it is 10.")]
    [TestCase(400, 200, "IAToolkit:Knowledge:Chunking:OverlapTokens must be at least 0 and less than half of MaxTokens (400); it is 200.")]
    [TestCase(400, -1, "IAToolkit:Knowledge:Chunking:OverlapTokens must be at least 0 and less than half of MaxTokens (400); it is -1.")]
    public void Validate_OutOfRange_NamesTheKey(int maxTokens, int overlapTokens, string failure)
    {
        var result = new ChunkingOptionsValidator().Validate(null, new ChunkingOptions { MaxTokens = maxTokens, OverlapTokens = overlapTokens });

        Assert.That(result.Failures, Does.Contain(failure));
    }

    [Test]
    public void Constructor_InvalidOptions_Throws()
        => Assert.Throws<OptionsValidationException>(() => Chunker(maxTokens: 100, overlapTokens: 80));
}
