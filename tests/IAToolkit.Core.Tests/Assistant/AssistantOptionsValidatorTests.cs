using IAToolkit.Assistant;
using IAToolkit.Core.Tests.Hosting;

namespace IAToolkit.Core.Tests.Assistant;

public sealed class AssistantOptionsValidatorTests
{
    [TestCase("IAToolkit:Assistant:AttemptTimeout", "00:03:00",
        "IAToolkit:Assistant:AttemptTimeout must not be longer than IAToolkit:Assistant:RequestTimeout (00:02:00); it is 00:03:00.")]
    [TestCase("IAToolkit:Assistant:RequestTimeout", "00:00:30",
        "IAToolkit:Assistant:AttemptTimeout must not be longer than IAToolkit:Assistant:RequestTimeout (00:00:30); it is 00:01:00.")]
    [TestCase("IAToolkit:Assistant:RequestTimeout", "02:00:00",
        "IAToolkit:Assistant:RequestTimeout must be between 00:00:01 and 01:00:00; it is 02:00:00.")]
    [TestCase("IAToolkit:Assistant:MaxToolIterations", "0",
        "IAToolkit:Assistant:MaxToolIterations must be between 1 and 100; it is 0.")]
    [TestCase("IAToolkit:Assistant:MaxRetries", "-1",
        "IAToolkit:Assistant:MaxRetries must be between 0 and 10; it is -1.")]
    [TestCase("IAToolkit:Assistant:MaxRetries", "50",
        "IAToolkit:Assistant:MaxRetries must be between 0 and 10; it is 50.")]
    [TestCase("IAToolkit:Assistant:HistoryTokenBudget", "-5",
        "IAToolkit:Assistant:HistoryTokenBudget must be between 0 and 1000000; it is -5.")]
    [TestCase("IAToolkit:Assistant:ConversationCacheLifetime", "00:00:00",
        "IAToolkit:Assistant:ConversationCacheLifetime must be between 00:01:00 and 30.00:00:00; it is 00:00:00.")]
    [TestCase("IAToolkit:Assistant:ContextCacheLifetime", "-00:00:01",
        "IAToolkit:Assistant:ContextCacheLifetime must be between 00:00:00 and 1.00:00:00; it is -00:00:01.")]
    public async Task Start_BadAssistantSetting_FailsNamingTheSettingAndValue(string key, string value, string message)
    {
        var error = await StartFailure.StartAsync(key, value);

        Assert.That(error.Failures, Is.EqualTo(new[] { message }));
    }

    [Test]
    public void Validate_Defaults_Succeed()
        => Assert.That(new AssistantOptionsValidator().Validate(null, new AssistantOptions()).Succeeded, Is.True);

    [Test]
    public void Validate_AttemptAsLongAsTheRequest_Succeeds()
    {
        var options = new AssistantOptions { RequestTimeout = TimeSpan.FromSeconds(2), AttemptTimeout = TimeSpan.FromSeconds(2), MaxRetries = 0, HistoryTokenBudget = 0 };

        Assert.That(new AssistantOptionsValidator().Validate(null, options).Succeeded, Is.True);
    }

    [Test]
    public void Validate_SeveralBadSettings_ReportsEachOne()
    {
        var options = new AssistantOptions { MaxToolIterations = 0, RequestTimeout = TimeSpan.Zero };

        var failures = new AssistantOptionsValidator().Validate(null, options).Failures;

        Assert.That(failures, Has.Some.StartsWith("IAToolkit:Assistant:MaxToolIterations ")
            .And.Some.StartsWith("IAToolkit:Assistant:RequestTimeout ")
            .And.Some.StartsWith("IAToolkit:Assistant:AttemptTimeout must not be longer"));
    }
}
