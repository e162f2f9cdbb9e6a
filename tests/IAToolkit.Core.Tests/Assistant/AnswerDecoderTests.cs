using IAToolkit.Assistant;

namespace IAToolkit.Core.Tests.Assistant;

public sealed class AnswerDecoderTests
{
    [Test]
    public void Decode_Markdown_IsTheAnswerAsItIs()
    {
        var decoded = AnswerDecoder.Decode("  **10** employees.\n");

        Assert.That(decoded.Answer, Is.EqualTo("**10** employees."));
        Assert.That(decoded.AdditionalData, Is.Null);
    }

    [TestCase("""{"answer":"Done.","additional_data":{"total":42}}""")]
    [TestCase("```json\n{\"answer\":\"Done.\",\"aditional_data\":{\"total\":42}}\n```")]
    public void Decode_JsonAnswer_SplitsTheAnswerAndTheData(string text)
    {
        var decoded = AnswerDecoder.Decode(text);

        Assert.That(decoded.Answer, Is.EqualTo("Done."));
        Assert.That(decoded.AdditionalData!.Value.GetProperty("total").GetInt32(), Is.EqualTo(42));
    }

    [TestCase("{not json")]
    [TestCase("""{"other":"shape"}""")]
    public void Decode_JsonLikeButNotAnAnswer_KeepsTheText(string text)
        => Assert.That(AnswerDecoder.Decode(text).Answer, Is.EqualTo(text));
}
