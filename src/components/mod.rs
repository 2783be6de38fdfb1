//! Reusable pieces of the views. Each reads from `core` or the `Editor`; none computes
//! a score itself.

pub mod confirm_delete;
pub mod progress;
pub mod question_card;
pub mod resource_list;
pub mod save_status;
pub mod score_chart;
pub mod score_table;
pub mod step_list;
