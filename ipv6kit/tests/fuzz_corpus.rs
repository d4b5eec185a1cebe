//! Replays every committed fuzz corpus (`fuzz/corpus/<target>/*`) through the same oracle
//! the fuzz target runs, as an ordinary test: a crasher once found stays fixed.

#[path = "../../fuzz/oracles.rs"]
mod oracles;

use std::path::Path;

#[test]
fn replay_committed_fuzz_corpora() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus");
    let mut targets = 0;
    let mut inputs = 0;
    for dir in std::fs::read_dir(&root).expect("fuzz/corpus exists") {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        targets += 1;
        let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        assert!(!files.is_empty(), "corpus of {name} is empty");
        for f in files {
            let data = std::fs::read(&f).unwrap();
            let r = std::panic::catch_unwind(|| oracles::run(&name, &data));
            assert!(r.is_ok(), "fuzz oracle {name} panicked on {}", f.display());
            inputs += 1;
        }
    }
    assert!(targets > 0, "no fuzz corpora found under {}", root.display());
    eprintln!("replayed {inputs} inputs over {targets} fuzz targets");
}
