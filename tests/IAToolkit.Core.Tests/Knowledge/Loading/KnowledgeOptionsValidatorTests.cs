using IAToolkit.Core.Tests.Hosting;
using IAToolkit.Knowledge.Loading;

namespace IAToolkit.Core.Tests.Knowledge.Loading;

public sealed class KnowledgeOptionsValidatorTests
{
    [TestCase("IAToolkit:Knowledge:MaxDocumentBytes", "0",
        "IAToolkit:Knowledge:MaxDocumentBytes must be between 1024 and 2147483647; it is 0.")]
    [TestCase("IAToolkit:Knowledge:MaxDocumentBytes", "5000000000",
        "IAToolkit:Knowledge:MaxDocumentBytes must be between 1024 and 2147483647; it is 5000000000.")]
    [TestCase("IAToolkit:Knowledge:MaxFileStoreBytes", "10",
        "IAToolkit:Knowledge:MaxFileStoreBytes must be between 1024 and 2147483647; it is 10.")]
    [TestCase("IAToolkit:Knowledge:FileStoreLifetime", "00:00:00",
        "IAToolkit:Knowledge:FileStoreLifetime must be between 00:00:01 and 7.00:00:00; it is 00:00:00.")]
    [TestCase("IAToolkit:Knowledge:MaxFileStoreCharacters", "5",
        "IAToolkit:Knowledge:MaxFileStoreCharacters must be between 100 and 2000000; it is 5.")]
    public async Task Start_BadKnowledgeSetting_FailsNamingTheSettingAndValue(string key, string value, string message)
    {
        var error = await StartFailure.StartAsync(key, value);

        Assert.That(error.Failures, Is.EqualTo(new[] { message }));
    }

    [Test]
    public void Validate_Defaults_Succeed()
        => Assert.That(new KnowledgeOptionsValidator().Validate(null, new KnowledgeOptions()).Succeeded, Is.True);
}
