//! The composition root builds each module once per context (issue 8, point 5): the HTTP
//! app, the job workers and the CLI share the instances.

use std::sync::Arc;

use haven_app::wiring;
use haven_platform::testing::TestApp;

/// The address of what an `Arc` points to, whatever its (possibly unsized) type.
fn address<T: ?Sized>(arc: &Arc<T>) -> *const () {
    Arc::as_ptr(arc).cast::<()>()
}

#[tokio::test]
async fn the_app_and_the_workers_share_one_instance_of_each_module() {
    let app = TestApp::builder().build(wiring::build_app).await;
    let _workers = wiring::job_registry(&app.ctx);
    let modules = wiring::modules(&app.ctx);
    assert!(Arc::ptr_eq(&modules, &wiring::modules(&app.ctx)));
    // The directory lists the instances the app was built with.
    let listed = app.ctx.modules.all();
    assert_eq!(listed.len(), modules.all().len());
    assert_eq!(address(&listed[0]), address(&modules.identity));
    // Another context gets its own.
    let other = TestApp::builder().build(wiring::build_app).await;
    assert!(!Arc::ptr_eq(&modules, &wiring::modules(&other.ctx)));
}
