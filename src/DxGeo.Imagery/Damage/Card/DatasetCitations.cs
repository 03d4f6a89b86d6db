using DxGeo.Imagery.Damage.Training.Sources;

namespace DxGeo.Imagery.Damage.Card;

/// <summary>Licence and citation of each shared crack set, written into every card trained on it.</summary>
public static class DatasetCitations
{
    public sealed record Citation(string Licence, string Text);

    public static readonly IReadOnlyDictionary<string, Citation> Known = new Dictionary<string, Citation>
    {
        [SharedDatasets.Ozgenel] = new("CC BY 4.0", "Ç. F. Özgenel, \"Concrete Crack Images for Classification\", Mendeley Data v2 (2019), doi:10.17632/5y9wdsg2zt.2; Özgenel & Gönenç Sorguç, ISARC 2018"),
        [SharedDatasets.Quaywall] = new("CC BY-SA 4.0 (share-alike)", "Osaka Metropolitan University (Yoshida laboratory); D. Komi, D. Yoshida, T. Kameyama, Sensors 25 (2025) 4325, doi:10.3390/s25144325"),
        [SharedDatasets.Masonry] = new("GPL-3.0", "D. Dais, İ. E. Bal, E. Smyrou, V. Sarhosis, Automation in Construction 125 (2021) 103606, doi:10.1016/j.autcon.2021.103606 (repository dimitrisdais/crack_detection_CNN_masonry)"),
        [SharedDatasets.Uav75] = new("GPL-3.0", "C. Benz, P. Debus, H. K. Ha, V. Rodehorst, \"Crack segmentation on UAS-based imagery using transfer learning\", IVCNZ 2019 (repository ben-z-original/uav75)"),
    };
}
