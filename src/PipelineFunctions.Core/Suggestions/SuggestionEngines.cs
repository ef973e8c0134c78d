using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Suggestions.Semantic;

namespace PipelineFunctions.Core.Suggestions;

/// <summary>Which engine a study gets: the semantic one, or the lexical one where the model cannot run on this machine.</summary>
public static class SuggestionEngines
{
    public static ISuggestionEngine Create(
        Codebook codebook,
        IEnumerable<CodingDecision> decisions,
        SuggestionOptions? options = null
    )
    {
        var known = decisions.ToList();
        try
        {
            return new SemanticSuggestionEngine(codebook, SharedEmbeddings.Instance, [], options, known);
        }
        catch (Exception e)
            when (e
                    is TypeInitializationException
                        or DllNotFoundException
                        or BadImageFormatException
                        or EntryPointNotFoundException
            )
        {
            // ONNX Runtime ships native builds for the usual platforms only; elsewhere the words still serve.
            return new LocalSuggestionEngine(
                codebook,
                known
                    .Where(d => d.Kind != CodingDecisionKind.Rejected)
                    .Select(d => new LabelledExample(d.Text, d.CodeId)),
                options
            );
        }
    }

    public static ISuggestionEngine Create(
        Codebook codebook,
        IEnumerable<LabelledExample> examples,
        SuggestionOptions? options = null
    ) => Create(codebook, examples.Select(CodingDecision.From), options);
}
