using static IAToolkit.Core.Tests.Downloads.ExcelTestFiles;

namespace IAToolkit.Core.Tests.Downloads;

public sealed class ExcelWorkbookWriterErrorTests
{
    [TestCase("""{"data": []}""", "data is empty")]
    [TestCase("""{"data": {"a": 1}}""", "data is an object; it must be an array of rows")]
    [TestCase("""{"data": "a,b"}""", "data is a string")]
    [TestCase("""{"filename": "x.xlsx"}""", "data is missing")]
    [TestCase("""{"data": [{"a": 1}, 5]}""", "data[1] is a number; every row must be an object")]
    [TestCase("""{"data": [{"a": 1}, [1, 2]]}""", "data[1] is an array")]
    [TestCase("""{"data": [{}, {}]}""", "no fields")]
    [TestCase("""[{"a": 1}]""", "The arguments are an array")]
    public void Write_InvalidData_SaysWhatIsWrong(string json, string message)
    {
        var error = Assert.Throws<IAToolkitException>(() => Write(json));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.InvalidExcelData));
        Assert.That(error.Message, Does.Contain(message));
    }

    [Test]
    public void Write_MoreRowsThanTheLimit_IsTooLarge()
    {
        var json = $$"""{"data": [{{string.Join(",", Enumerable.Repeat("""{"a": 1}""", 11))}}]}""";

        var error = Assert.Throws<IAToolkitException>(() => Write(json, Writer(maxRows: 10)));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.ExcelTooLarge));
        Assert.That(error.Message, Does.Contain("11 rows").And.Contain("limit is 10"));
    }

    [Test]
    public void Write_MoreBytesThanTheLimit_IsTooLarge()
    {
        var rows = Enumerable.Range(0, 2_000).Select(i => $$"""{"id": {{i}}, "text": "{{Guid.NewGuid()}}{{Guid.NewGuid()}}"}""");
        var json = $$"""{"data": [{{string.Join(",", rows)}}]}""";

        var error = Assert.Throws<IAToolkitException>(() => Write(json, Writer(maxBytes: 32 * 1024)));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.ExcelTooLarge));
        Assert.That(error.Message, Does.Contain("larger than"));
    }
}
