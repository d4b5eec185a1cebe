//! tshark as referee.
