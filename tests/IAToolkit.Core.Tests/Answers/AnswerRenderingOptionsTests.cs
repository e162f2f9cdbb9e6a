using IAToolkit.Answers;

namespace IAToolkit.Core.Tests.Answers;

public sealed class AnswerRenderingOptionsTests
{
    [Test]
    public void Validate_ImageHostWrittenAsAUrl_NamesTheSetting()
    {
        var options = new AnswerRenderingOptions();
        options.ImageHosts.Add("static.acme.example");
        options.ImageHosts.Add("https://cdn.acme.example/img");

        var result = new AnswerRenderingOptionsValidator().Validate(null, options);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("IAToolkit:Answers:ImageHosts:1").And.Contain("https://cdn.acme.example/img"));
    }
}
