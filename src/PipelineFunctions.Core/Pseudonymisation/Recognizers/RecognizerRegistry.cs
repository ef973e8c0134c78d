using PipelineFunctions.Core.Pseudonymisation.Recognizers.CountrySpecific.Germany;
using PipelineFunctions.Core.Pseudonymisation.Recognizers.CountrySpecific.India;
using PipelineFunctions.Core.Pseudonymisation.Recognizers.CountrySpecific.Israel;
using PipelineFunctions.Core.Pseudonymisation.Recognizers.CountrySpecific.Singapore;
using PipelineFunctions.Core.Pseudonymisation.Recognizers.CountrySpecific.Tanzania;
using PipelineFunctions.Core.Pseudonymisation.Recognizers.CountrySpecific.Uganda;
using PipelineFunctions.Core.Pseudonymisation.Recognizers.Names;
using PipelineFunctions.Core.Pseudonymisation.Recognizers.Structured;

namespace PipelineFunctions.Core.Pseudonymisation.Recognizers;

/// <summary>The recognizers a study runs: its roster first, then the structured, contextual and list-based ones.</summary>
public static class RecognizerRegistry
{
    public static IReadOnlyList<IRecognizer> For(IReadOnlyList<RosterEntry> roster, IReadOnlySet<string> allowed) =>
    [
        new RosterRecognizer(roster),
        new EmailRecognizer(),
        new UrlRecognizer(),
        new SocialHandleRecognizer(),
        new NricRecognizer(),
        new IsraeliIdRecognizer(),
        new TaxIdRecognizer(),
        new IbanRecognizer(),
        new IdDocumentRecognizer(),
        new NinRecognizer(),
        new NidaRecognizer(),
        new AadhaarRecognizer(),
        new PhoneRecognizer(),
        new DateRecognizer(),
        new GermanAddressRecognizer(),
        new AddressRecognizer(),
        new RecordNumberRecognizer(),
        new VehiclePlateRecognizer(),
        new TitleRecognizer(allowed),
        new ContextRecognizer(allowed),
        new GermanNameRecognizer(allowed),
        new GazetteerRecognizer(allowed),
        new NameListRecognizer(allowed),
        new CapitalisedNameRecognizer(allowed),
    ];
}
