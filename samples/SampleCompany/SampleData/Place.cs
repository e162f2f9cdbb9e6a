namespace SampleCompany.SampleData;

/// <summary>A city where customers can be, with the patterns of its postal codes and phone numbers.</summary>
/// <param name="PostalCode">A pattern for <see cref="Pcg32.Fill"/>: '#' a digit, '@' a letter.</param>
/// <param name="Phone">A pattern for <see cref="Pcg32.Fill"/>.</param>
/// <param name="NumberFirst">Whether addresses read "12 Main Street" rather than "Hauptstraße 12".</param>
internal sealed record Place(
    string City,
    string? Region,
    string Country,
    int TerritoryId,
    string PostalCode,
    string Phone,
    bool NumberFirst,
    IReadOnlyList<string> Streets);
