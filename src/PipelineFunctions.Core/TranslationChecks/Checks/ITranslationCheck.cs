namespace PipelineFunctions.Core.TranslationChecks.Checks;

/// <summary>One integrity check of a translation against its source.</summary>
public interface ITranslationCheck
{
    IEnumerable<TranslationFlag> Check(TranslationPair pair);
}
