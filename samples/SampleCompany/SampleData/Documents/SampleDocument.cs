namespace SampleCompany.SampleData.Documents;

/// <summary>A generated file: where it goes under <c>sample_data/</c> and its bytes.</summary>
/// <param name="RelativePath">The path under <c>sample_data/</c>, e.g. <c>employee_contracts/contract_Julia_Bianchi.pdf</c>.</param>
/// <param name="Content">The file's bytes.</param>
internal sealed record SampleDocument(string RelativePath, byte[] Content);
